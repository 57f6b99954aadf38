/** The planning workspace (/planning): per-capita gaps, coverage, siting, scenarios, editing, import, reports. Planners and admins only. */
import { useEffect, useMemo, useState } from 'react';
import { errorText } from '../i18n/errors.js';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { fill, useI18n } from '../i18n/index.js';
import { bboxOf } from '../common/geo-math.js';
import { Header } from '../common/Header.js';
import { CoveragePanel, type CoverageView } from './CoveragePanel.js';
import { reachCircles } from './coverage-logic.js';
import { EditPanel, type EditState } from './EditPanel.js';
import { ImportPanel } from './ImportPanel.js';
import { choropleth, CLASSES, fmt, shortTownships } from './per-capita-logic.js';
import { IndicatorCards, PerCapitaTable } from './PerCapitaTable.js';
import { send, qs, whoAmI, type Me, type ApiError } from '../api/client.js';
import { PlanningGate } from './PlanningGate.js';
import { CapacityCheck } from './CapacityCheck.js';
import { TargetField } from './TargetField.js';
import { PlanningMap, type MapPick } from './PlanningMap.js';
import { PlanningPrint } from './PlanningPrint.js';
import { compareSites, type Scenario } from './scenario-logic.js';
import { ScenarioPanel } from './ScenarioPanel.js';
import { acceptCode, SitingPanel } from './SitingPanel.js';
import type { SiteProps } from './siting-logic.js';
import { usePlanningData } from './use-planning-data.js';
import { useSiting } from './use-siting.js';
import './planning.css';
import { PrintMarks } from '../common/PrintMarks.js';
import { printFitted } from '../common/print-map.js';
import { PaperChoice } from '../common/PaperChoice.js';
import { planningLegend } from './planning-legend.js';
import { usePrintTarget } from '../common/print-ctrlp.js';
import { SheetAreaChoice } from './SheetAreaChoice.js';
import { sheetArea, sheetPerCapita, sheetShelters } from './sheet-area.js';

const getPlanningMap = () => window.__planningMap;
import { ScoreboardTab } from './ScoreboardTab.js';
import './planning-screens.css';

type Tab = 'per-capita' | 'coverage' | 'siting' | 'scenarios' | 'edit' | 'import' | 'scoreboard';
const TABS: Tab[] = ['per-capita', 'coverage', 'siting', 'scenarios', 'edit', 'import', 'scoreboard'];
type Accepted = Map<string, { layer: string; id: number; version: number }>;

export default function PlanningApp() {
  const { t, locale } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => void whoAmI().then(setMe, () => setMe({ role: 'public', user: null })), [attempt]);
  const allowed = me?.role === 'planner' || me?.role === 'admin';
  const [targetText, setTargetText] = useState('2.5');
  const [target, setTarget] = useState(2.5);
  const [includePlanned, setIncludePlanned] = useState(false);
  const data = usePlanningData(target, includePlanned, allowed);
  const [tab, setTab] = useState<Tab>('per-capita');
  const [coverageView, setCoverageView] = useState<CoverageView>('none');
  const siting = useSiting();
  const [accepted, setAccepted] = useState<Accepted>(new Map());
  const [notice, setNotice] = useState<string | null>(null);
  const [compared, setCompared] = useState<Scenario[]>([]);
  const [savedRevision, setSavedRevision] = useState(0);
  const [edit, setEdit] = useState<EditState>({ layer: 'shelters', mode: 'idle', lonLat: null, feature: null });
  const [focus, setFocus] = useState<[number, number, number, number] | null>(null);
  /** The printed sheet's area: a township code, or null for the county. */
  const [sheetCode, setSheetCode] = useState<string | null>(null);

  const townshipName = useMemo(() => {
    const names = new Map((data.townships?.features ?? []).map((f) => [f.properties.code, f.properties.name]));
    return (code: string) => names.get(code) ?? code;
  }, [data.townships]);
  const urbanCodes = useMemo(() => new Set((data.townships?.features ?? []).filter((f) => f.properties.isUrban).map((f) => f.properties.code)), [data.townships]);

  const mapData = useMemo(() => {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const cov = coverageView === 'none' ? null : data.coverage[coverageView];
    const points = coverageView === 'shelters' ? data.shelters : coverageView === 'warehouses' ? data.warehouses : data.fireStations;
    const draft: FeatureCollection = edit.mode !== 'idle' && edit.lonLat ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: edit.lonLat }, properties: {} }] } : empty;
    return {
      pc: data.townships && data.perCapita ? choropleth(data.townships, data.perCapita.townships, data.perCapita.targetM2) : empty,
      reach: cov && points ? reachCircles(cov, points as never, coverageView === 'warehouses' ? 'warehouse' : 'fire') : empty,
      uncovered: cov ? cov.uncovered : empty,
      shelters: data.shelters ? { ...data.shelters, features: data.shelters.features.filter((f) => includePlanned || f.properties.status !== 'planned') } : empty,
      'fire-stations': data.fireStations ?? empty,
      warehouses: coverageView === 'warehouses' && data.warehouses ? data.warehouses : empty,
      proposed: siting.state === 'done' && siting.result ? siting.result.sites : empty,
      uncoverable: siting.state === 'done' && siting.result?.uncoverable ? siting.result.uncoverable.points : empty,
      compare: compareSites(compared),
      draft,
    } as Record<string, FeatureCollection>;
  }, [data, coverageView, siting.state, siting.result, compared, edit.mode, edit.lonLat, includePlanned]);

  const area = sheetArea(data.townships, sheetCode);
  // Ctrl+P prints the same fitted sheet as the 打印规划图 button.
  usePrintTarget({ map: getPlanningMap, bounds: () => area.bounds, options: () => ({ kind: 'planning' }) });

  if (!me) return <div className="boot">{t('loading')}</div>;
  if (!allowed) return <PlanningGate me={me} onSignedIn={() => setAttempt((a) => a + 1)} />;

  const zoomTo = (lonLat: [number, number], d = 0.02) => setFocus([lonLat[0] - d, lonLat[1] - d, lonLat[0] + d, lonLat[1] + d]);
  const zoomTownship = (code: string) => {
    const f = data.townships?.features.find((x) => x.properties.code === code);
    if (f) setFocus(bboxOf([f.geometry]));
  };
  const before = data.withPlanned?.countyTown?.perCapitaM2 ?? null;
  const acceptOne = async (site: SiteProps): Promise<boolean> => {
    try {
      const created = await send<Feature<Point, Record<string, unknown>>>('POST', `/api/layers/${site.accept.layer}`, site.accept.feature);
      setAccepted((m) => new Map(m).set(site.code, { layer: site.accept.layer, id: Number(created.id ?? created.properties.id), version: Number(created.properties.version) }));
      return true;
    } catch (e) {
      const err = e as ApiError;
      setNotice(`✗ ${err.status === 409 ? fill(t('plan.duplicate'), { code: acceptCode(site) }) : fill(t('plan.acceptFailed'), { reason: err.fields?.length ? err.fields.map((f) => f.field).join(', ') : String(err.status ?? '') })}`);
      return false;
    }
  };
  const accept = async (site: SiteProps) => {
    if (await acceptOne(site)) setNotice(t('planning.accept.done').replace('{name}', site.name).replace('{before}', fmt(before, 2)));
    data.reload();
  };
  const acceptAll = async (sites: SiteProps[]) => {
    let n = 0;
    for (const s of sites) if (await acceptOne(s)) n++;
    if (n === sites.length) setNotice(fill(t('plan.acceptedAll'), { n }));
    data.reload();
  };
  const existingCodes = new Set([...(data.shelters?.features ?? []), ...(data.fireStations?.features ?? [])].map((f) => String(f.properties.code)));
  const undo = async (code: string) => {
    const a = accepted.get(code);
    if (!a) return;
    try {
      await send('DELETE', `/api/layers/${a.layer}/${a.id}`, { version: a.version });
      setAccepted((m) => {
        const n = new Map(m);
        n.delete(code);
        return n;
      });
      setNotice(t('planning.accept.undone'));
      data.reload();
    } catch (e) {
      setNotice(`✗ ${errorText(e, locale)}`);
    }
  };
  const pick = (p: MapPick | null) => {
    if (!p || p.layer === 'proposed') return;
    const fc = p.layer === 'shelters' ? data.shelters : data.fireStations;
    const f = fc?.features.find((x) => String(x.id ?? x.properties.id) === String(p.id));
    if (!f) return;
    setTab('edit');
    setEdit({ layer: p.layer, mode: 'edit', feature: f as unknown as EditState['feature'], lonLat: f.geometry.coordinates as [number, number] });
  };
  const short = data.perCapita ? shortTownships(data.perCapita.townships) : [];

  return (
    <div className={`planning-app${tab === 'coverage' && coverageView !== 'none' ? ' coverage-on' : ''}`}>
      <Header title={t('planning.title')} sample={data.sample} live={data.live}>
        <nav className="planning-nav">
          <a href="/">{t('appTitle')}</a>
          <a href="/keys" data-testid="keys-link">{t('keys.title')}</a>
          <a href="/scoreboard" data-testid="scoreboard-link">{t('planning.scoreboardLink')}</a>
        </nav>
        <TargetField text={targetText} setText={setTargetText} onValid={setTarget} />
        <label className="toggle">
          <input type="checkbox" checked={includePlanned} onChange={(e) => setIncludePlanned(e.target.checked)} data-testid="include-planned" /> {t('planning.includePlanned')}
        </label>
        <a className="button-link" href={`/api/planning/report.xlsx${qs({ target, includePlanned })}`} download data-testid="export-xlsx">
          {t('planning.exportXlsx')}
        </a>
        <SheetAreaChoice
          townships={(data.townships?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name }))}
          code={area.townshipCode}
          setCode={(c) => {
            setSheetCode(c);
            const b = sheetArea(data.townships, c).bounds;
            if (b) setFocus(b);
          }}
        />
        <PaperChoice />
        <button type="button" onClick={() => void printFitted(window.__planningMap, area.bounds, { kind: 'planning' })} data-testid="print">
          {t('planning.printSheet')}
        </button>
      </Header>
      <main className="planning-main">
        <aside className="panel planning-side">
          <div className="tabs" role="tablist">
            {TABS.map((k) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} onClick={() => setTab(k)} data-testid={`tab-${k}`}>
                {t(`planning.tab.${k}`)}
              </button>
            ))}
          </div>
          {notice ? (
            <p className="notice" role="status" data-testid="notice">
              {notice}
            </p>
          ) : null}
          {data.error ? <p className="error">{data.error}</p> : null}
          {tab === 'per-capita' ? (
            <div data-testid="short-list">
              <ul className="legend">
                {CLASSES.map((c) => (
                  <li key={c.colour}>
                    <span className="swatch box" style={{ background: c.colour }} /> {t('planning.legend.share')} {c.zh}
                  </li>
                ))}
              </ul>
              <h3>{t('planning.shortTitle').replace('{n}', String(short.length))}</h3>
              <ol className="short-list">
                {short.map((r) => (
                  <li key={r.townshipCode}>
                    <button type="button" className="link" onClick={() => zoomTownship(r.townshipCode)}>
                      {r.name}
                    </button>{' '}
                    <span className="warn">{fmt(r.perCapitaM2, 2)}</span> {t('planning.unit.m2PerPerson')} · {t('planning.col.shortfall')} {fmt(r.shortfallM2)}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {tab === 'coverage' ? <CoveragePanel view={coverageView} setView={setCoverageView} answer={coverageView === 'none' ? null : data.coverage[coverageView]} townshipName={townshipName} onFocus={(ll) => zoomTo(ll, 0.01)} /> : null}
          {tab === 'siting' ? (
            <SitingPanel
              siting={siting}
              accepted={accepted}
              onAccept={(s) => void accept(s)}
              onAcceptAll={acceptAll}
              existingCodes={existingCodes}
              sample={data.sample}
              onUndo={(c) => void undo(c)}
              onFocus={(ll) => zoomTo(ll, 0.01)}
              onSave={async (name) => {
                await send('POST', '/api/siting/scenarios', { name, runId: siting.result!.runId });
                setSavedRevision((r) => r + 1);
              }}
            />
          ) : null}
          {tab === 'scenarios' ? <ScenarioPanel revision={savedRevision} compared={compared} setCompared={setCompared} /> : null}
          {tab === 'edit' ? (
            <EditPanel
              edit={edit}
              setEdit={(e) => {
                setEdit(e);
                if (e.feature) zoomTo(e.feature.geometry.coordinates as [number, number], 0.01);
              }}
              onChanged={data.reload}
              townships={(data.townships?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name }))}
              facilities={{ shelters: (data.shelters?.features ?? []) as never, 'fire-stations': (data.fireStations?.features ?? []) as never }}
            />
          ) : null}
          {tab === 'import' ? <ImportPanel onImported={data.reload} /> : null}
          {tab === 'scoreboard' ? <ScoreboardTab /> : null}
        </aside>
        <section className="planning-centre">
          <div className="map-wrap planning-map-wrap">
            {data.townships && data.config ? (
              <PlanningMap
                townships={data.townships}
                config={data.config}
                data={mapData}
                mode={tab === 'edit' && edit.mode === 'add' ? 'add' : 'view'}
                onClickMap={(ll) => setEdit((e) => ({ ...e, lonLat: ll }))}
                onPick={pick}
                moving={tab === 'edit' && edit.mode === 'edit' && edit.lonLat ? edit.lonLat : null}
                onMoved={(ll) => setEdit((e) => ({ ...e, lonLat: ll }))}
                focus={focus}
                fadeChoropleth={tab === 'coverage' && coverageView !== 'none'}
                attribution={`riskmap${data.sample ? ` · ${t('sample')}` : ''}`}
              />
            ) : (
              <div className="map-loading">{t('loading')}</div>
            )}
            <div className="north-arrow" aria-hidden="true">
              ▲<span>{t('north')}</span>
            </div>
            {data.sample ? <div className="map-sample-note">{t('sampleNote')}</div> : null}
            <PrintMarks getMap={getPlanningMap} watermark={data.sample ? t('sample') : null} />
            {tab === 'coverage' && coverageView !== 'none' ? (
              <div className="map-legend-coverage" data-testid="map-coverage-legend">
                <span>
                  <i className="circle" aria-hidden="true" /> {t('plan.legend.reach')}
                </span>
                <span>
                  <i className="dot" aria-hidden="true" /> {t('plan.legend.uncovered')}
                </span>
              </div>
            ) : null}
          </div>
          <IndicatorCards current={data.current} withPlanned={data.withPlanned} />
          {data.perCapita ? <PerCapitaTable answer={sheetPerCapita(data.perCapita, area, urbanCodes)} urbanCodes={urbanCodes} coverage={data.coverage.shelters} onZoom={zoomTownship} /> : null}
          {data.perCapita ? <CapacityCheck shelters={sheetShelters(data.shelters?.features ?? [], area) as never} targetM2={data.perCapita.targetM2} capacityShare={data.perCapita.capacityShare} /> : null}
          <PlanningPrint areaName={area.name} targetM2={target} includePlanned={includePlanned} sample={data.sample} result={siting.state === 'done' ? siting.result : null} compared={compared} legend={planningLegend(t, locale, mapData)} />
        </section>
      </main>
    </div>
  );
}
