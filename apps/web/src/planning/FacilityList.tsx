/** The facilities of a layer as a list: search by name, code or address, 20 to a page; a click opens the edit form. */
import { useMemo, useState } from 'react';
import type { Feature, Point } from 'geojson';
import { fill, useI18n } from '../i18n/index.js';
import { enumLabel } from '@riskmap/contract';

const PAGE = 20;

/** Features whose name, code or address contains the query (case-insensitive), in code order. */
export function filterFacilities<T extends Feature<Point, Record<string, unknown>>>(features: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  const hay = (f: T) => ['name', 'code', 'address'].map((k) => String(f.properties[k] ?? '')).join(' ').toLowerCase();
  return features.filter((f) => !q || hay(f).includes(q)).sort((a, b) => String(a.properties.code).localeCompare(String(b.properties.code)));
}

export function FacilityList({ features, onOpen, selectedId }: { features: readonly Feature<Point, Record<string, unknown>>[]; onOpen: (f: Feature<Point, Record<string, unknown>>) => void; selectedId?: number | null }) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const rows = useMemo(() => filterFacilities(features, q), [features, q]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const at = Math.min(page, pages - 1);
  const shown = rows.slice(at * PAGE, at * PAGE + PAGE);
  return (
    <section className="facility-list" aria-label={t('plan.list.title')} data-testid="facility-list">
      <h3>{t('plan.list.title')}</h3>
      <input
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setPage(0);
        }}
        placeholder={t('plan.list.search')}
        aria-label={t('plan.list.search')}
        data-testid="facility-search"
      />
      <p className="sub-note" aria-live="polite" data-testid="facility-count">
        {rows.length ? fill(t('plan.list.count'), { n: rows.length, from: at * PAGE + 1, to: at * PAGE + shown.length }) : t('plan.list.none')}
      </p>
      <ul>
        {shown.map((f) => {
          const p = f.properties;
          const id = Number(f.id ?? p.id);
          return (
            <li key={id}>
              <button type="button" className={`link${id === selectedId ? ' on' : ''}`} aria-current={id === selectedId} onClick={() => onOpen(f)} data-testid={`facility-${String(p.code)}`}>
                <strong>{String(p.name)}</strong> <small>{String(p.code)}</small>
                {p.status ? <small> · {enumLabel('shelterStatuses', String(p.status), locale)}</small> : null}
              </button>
            </li>
          );
        })}
      </ul>
      {pages > 1 ? (
        <div className="pager">
          <button type="button" onClick={() => setPage(at - 1)} disabled={at === 0} data-testid="facility-prev">
            {t('plan.list.prev')}
          </button>
          <span>
            {at + 1} / {pages}
          </span>
          <button type="button" onClick={() => setPage(at + 1)} disabled={at >= pages - 1} data-testid="facility-next">
            {t('plan.list.next')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
