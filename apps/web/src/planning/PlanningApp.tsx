/** The planning workspace (/planning): per-capita gaps, coverage, siting, scenarios, editing, import, reports. Planners and admins only. */
import { useEffect, useMemo, useState } from 'react';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { useI18n } from '../i18n/index.js';
import { bboxOf } from '../common/geo-math.js';
import { Header } from '../common/Header.js';
import { CoveragePanel, type CoverageView } from './CoveragePanel.js';
import { reachCircles } from './coverage-logic.js';
import { EditPanel, type EditState } from './EditPanel.js';
import { ImportPanel } from './ImportPanel.js';
import { choropleth, CLASSES, fmt, parseTarget, shortTownships } from './per-capita-logic.js';
import { IndicatorCards, PerCapitaTable } from './PerCapitaTable.js';
import { send, qs, whoAmI, type Me } from './planning-api.js';
import { PlanningGate } from './PlanningGate.js';
import { PlanningMap, type MapPick } from './PlanningMap.js';
import { PlanningPrint } from './PlanningPrint.js';
import { compareSites, type Scenario } from './scenario-logic.js';
import { ScenarioPanel } from './ScenarioPanel.js';
import { SitingPanel } from './SitingPanel.js';
import type { SiteProps } from './siting-logic.js';
import { usePlanningData } from './use-planning-data.js';
import { useSiting } from './use-siting.js';
import './planning.css';

type Tab = 'per-capita' | 'coverage' | 'siting' | 'scenarios' | 'edit' | 'import';
const TABS: Tab[] = ['per-capita', 'coverage', 'siting', 'scenarios', 'edit', 'import'];
type Accepted = Map<string, { layer: string; id: number; version: number }>;

export default function PlanningApp() {
  const { t } = useI18n();
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
      compare: compareSites(compared),
      draft,
    } as Record<string, FeatureCollection>;
  }, [data, coverageView, siting.state, siting.result, compared, edit.mode, edit.lonLat, includePlanned]);

  if (!me) return <div className="boot">{t('loading')}</div>;
  if (!allowed) return <PlanningGate me={me} onSignedIn={() => setAttempt((a) => a + 1)} />;

  const zoomTo = (lonLat: [number, number], d = 0.02) => setFocus([lonLat[0] - d, lonLat[1] - d, lonLat[0] + d, lonLat[1] + d]);
  const zoomTownship = (code: string) => {
    const f = data.townships?.features.find((x) => x.properties.code === code);
    if (f) setFocus(bboxOf([f.geometry]));
  };
  const before = data.withPlanned?.countyTown?.perCapitaM2 ?? null;
  const accept = async (site: SiteProps) => {
    try {
      const created = await send<Feature<Point, Record<string, unknown>>>('POST', `/api/layers/${site.accept.layer}`, site.accept.feature);
      setAccepted((m) => new Map(m).set(site.code, { layer: site.accept.layer, id: Number(created.id ?? created.properties.id), version: Number(created.properties.version) }));
      setNotice(t('planning.accept.done').replace('{name}', site.name).replace('{before}', fmt(before, 2)));
      data.reload();
    } catch (e) {
      setNotice(`✗ ${(e as Error).message}`);
    }
  };
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
      setNotice(`✗ ${(e as Error).message}`);
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
    <div className="planning-app">
      <Header title={t('planning.title')} sample={data.sample}>
        <nav className="planning-nav">
          <a href="/">{t('appTitle')}</a>
        </nav>
        <label className="target-input">
          {t('planning.target')}
          <input
            value={targetText}
            inputMode="decimal"
            onChange={(e) => setTargetText(e.target.value)}
            onBlur={() => {
              const v = parseTarget(targetText);
              if (v !== null) setTarget(v);
            }}
            onKeyDown={(e) => {
              const v = parseTarget(targetText);
              if (e.key === 'Enter' && v !== null) setTarget(v);
            }}
            aria-invalid={parseTarget(targetText) === null}
            data-testid="target-input"
          />
          {t('planning.unit.m2PerPerson')}
        </label>
        {parseTarget(targetText) === null ? <span className="badge warn-badge">{t('planning.targetInvalid')}</span> : null}
        <label className="toggle">
          <input type="checkbox" checked={includePlanned} onChange={(e) => setIncludePlanned(e.target.checked)} data-testid="include-planned" /> {t('planning.includePlanned')}
        </label>
        <a className="button-link" href={`/api/planning/report.xlsx${qs({ target, includePlanned })}`} download data-testid="export-xlsx">
          {t('planning.exportXlsx')}
        </a>
        <button type="button" onClick={() => window.print()} data-testid="print">
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
                  <li key={r.code}>
                    <button type="button" className="link" onClick={() => zoomTownship(r.code)}>
                      {r.name}
                    </button>{' '}
                    <span className="warn">{fmt(r.perCapitaM2, 2)}</span> {t('planning.unit.m2PerPerson')} · {t('planning.col.shortfall')} {fmt(r.shortfallM2)} m²
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
              onUndo={(c) => void undo(c)}
              onFocus={(ll) => zoomTo(ll, 0.01)}
              onSave={async (name) => {
                await send('POST', '/api/siting/scenarios', { name, runId: siting.result!.runId });
                setSavedRevision((r) => r + 1);
              }}
            />
          ) : null}
          {tab === 'scenarios' ? <ScenarioPanel revision={savedRevision} compared={compared} setCompared={setCompared} /> : null}
          {tab === 'edit' ? <EditPanel edit={edit} setEdit={setEdit} onChanged={data.reload} /> : null}
          {tab === 'import' ? <ImportPanel onImported={data.reload} /> : null}
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
                attribution={`riskmap${data.sample ? ` · ${t('sample')}` : ''}`}
              />
            ) : (
              <div className="map-loading">{t('loading')}</div>
            )}
            <div className="north-arrow" aria-hidden="true">
              ▲<span>{t('north')}</span>
            </div>
            {data.sample ? <div className="map-sample-note">{t('sampleNote')}</div> : null}
          </div>
          <IndicatorCards current={data.current} withPlanned={data.withPlanned} />
          {data.perCapita ? <PerCapitaTable answer={data.perCapita} urbanCodes={urbanCodes} coverage={data.coverage.shelters} onZoom={zoomTownship} /> : null}
          <PlanningPrint targetM2={target} includePlanned={includePlanned} sample={data.sample} result={siting.state === 'done' ? siting.result : null} compared={compared} />
        </section>
      </main>
    </div>
  );
}
