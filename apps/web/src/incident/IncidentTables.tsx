/** The answer's tables (zones, villages, domino risks, shelters, allocation, responders, supplies); reused by the printed brief. */
import type { ReactNode } from 'react';
import type { RiskLevel } from '../api/types.js';
import { useI18n, useScoped } from '../i18n/index.js';
import type { Impact } from './types.js';
import { formatDistance, stockText, zoneColour } from './incident-logic.js';

interface Props {
  r: Impact;
  colours: Record<RiskLevel, string>;
  /** The printed brief shows shorter lists. */
  limit?: number;
}

function Section({ title, n, children, id }: { title: string; n?: number; children: ReactNode; id: string }) {
  return (
    <section className="incident-section" data-testid={`incident-${id}`}>
      <h3>
        {title}
        {n !== undefined ? <span className="count">{n}</span> : null}
      </h3>
      {children}
    </section>
  );
}

function Table({ head, rows, empty, total }: { head: string[]; rows: ReactNode[][]; empty: string; total?: number }) {
  const w = useScoped('incident');
  if (rows.length === 0) return <p className="sub-note">{empty}</p>;
  const more = total !== undefined ? total - rows.length : 0;
  return (
    <table className="incident-table">
      {more > 0 ? <caption className="more" data-testid="incident-more">{w('more').replace('{n}', String(more))}</caption> : null}
      <thead>
        <tr>{head.map((h) => <th key={h}>{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

export function IncidentTables({ r, colours, limit = 50 }: Props) {
  const w = useScoped('incident');
  const { t, locale } = useI18n();
  const n = (x: number) => x.toLocaleString(locale);
  const zoneName = (k: string) => w(`zone.${k}`);
  const cut = <T,>(xs: T[]) => xs.slice(0, limit);
  return (
    <>
      <Section id="zones" title={w('zones')}>
        <Table
          empty={w('none')}
          head={[w('zone'), w('radius'), w('population'), w('villageCount'), w('arrival')]}
          rows={r.zones.features.map((z) => [
            <span key="z"><span className="swatch box" style={{ background: zoneColour(z.properties.rank) }} /> {zoneName(z.properties.key)} <small>({w(z.properties.evacuate ? 'evacuate' : 'shelterInPlace')})</small></span>,
            formatDistance(z.properties.radiusM),
            n(z.properties.population),
            n(z.properties.villages),
            z.properties.arrivalMinutes !== null ? `${z.properties.arrivalMinutes} ${w('minutes')}` : '—',
          ])}
        />
      </Section>
      <Section id="villages" title={w('villages')} n={r.villages.length}>
        <Table empty={w('none')} head={[w('name'), w('zone'), w('population'), w('distance')]} total={r.villages.length} rows={cut(r.villages).map((v) => [v.name, zoneName(v.zone), n(v.population), formatDistance(v.distanceM)])} />
      </Section>
      <Section id="domino" title={w('riskPoints')} n={r.riskPoints.length}>
        <Table
          empty={w('none')}
          head={[w('name'), w('level'), w('zone'), w('distance')]}
          total={r.riskPoints.length} rows={cut(r.riskPoints).map((p) => [
            p.name,
            <span key="l" className="level-tag" style={{ background: colours[p.level as RiskLevel] ?? '#999' }}>{t(`level.${p.level}` as 'level.1')}</span>,
            zoneName(p.zone),
            formatDistance(p.distanceM),
          ])}
        />
        {r.hazardSources.length > 0 ? (
          <>
            <h4>{w('hazardSources')}</h4>
            <Table
              empty={w('none')}
              head={[w('name'), w('zone'), w('distance')]}
              total={r.hazardSources.length} rows={cut(r.hazardSources).map((h) => [`${h.name}${h.isMajor ? ` · ${w('major')}${h.grade ? ` ${h.grade}${w('grade')}` : ''}` : ''}`, zoneName(h.zone), formatDistance(h.distanceM)])}
            />
          </>
        ) : null}
      </Section>
      <Section id="unsafe" title={w('unsafeShelters')} n={r.unsafeShelters.length}>
        <Table empty={w('none')} head={[w('name'), w('zone'), w('capacity')]} total={r.unsafeShelters.length} rows={cut(r.unsafeShelters).map((s) => [s.name, zoneName(s.zone), n(s.capacity)])} />
      </Section>
      <Section id="safe" title={w('safeShelters')} n={r.safeShelters.length}>
        <Table
          empty={w('none')}
          head={[w('name'), w('distance'), w('capacity'), w('allocated'), w('remaining')]}
          total={r.safeShelters.length} rows={cut(r.safeShelters).map((s) => [s.name, formatDistance(s.distanceM), n(s.capacity), n(s.allocated), n(s.remainingCapacity)])}
        />
        {r.unsuitableShelters > 0 ? <p className="sub-note">{r.unsuitableShelters} {w('unsuitable')}</p> : null}
      </Section>
      <Section id="allocations" title={w('allocations')} n={r.allocations.length}>
        <Table
          empty={w('none')}
          head={[w('villages').split(' ')[0]!, w('safeShelters'), w('people'), w('distance')]}
          total={r.allocations.length} rows={cut(r.allocations).map((a) => [a.villageName, a.shelterName, n(a.people), formatDistance(a.distanceM)])}
        />
        {r.unplaced > 0 ? (
          <p className="warn">
            {w('unplaced')}: {n(r.unplaced)} {w('people')}
            {r.unplacedWithoutLocation > 0 ? `（${w('withoutLocation')} ${n(r.unplacedWithoutLocation)}）` : ''}
          </p>
        ) : null}
      </Section>
      <Section id="fire" title={w('fireStations')}>
        <Table empty={w('none')} head={[w('name'), w('firstEta'), w('distance')]} total={r.fireStations.length} rows={cut(r.fireStations).map((f) => [f.name, `${f.etaMinutes} ${w('minutes')}`, formatDistance(f.distanceM)])} />
      </Section>
      <Section id="warehouses" title={w('warehouses')}>
        <Table empty={w('none')} head={[w('name'), w('distance'), w('stock')]} total={r.warehouses.length} rows={cut(r.warehouses).map((x) => [x.name, formatDistance(x.distanceM), <span key="s" className="wrap">{stockText(x.stock, w('belowMin'), limit < 10 ? 3 : 6, t('print.moreItems'))}</span>])} />
      </Section>
    </>
  );
}
