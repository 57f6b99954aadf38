/** The command map (应急管理一张图): layers, four-colour e-map, details, indicators. */
import { useEffect, useMemo, useState } from 'react';
import { domainDefaults } from '@riskmap/config';
import type { RiskLevel } from '../api/types.js';
import { translate, useI18n } from '../i18n/index.js';
import { bboxOf } from '../common/geo-math.js';
import { Header } from '../common/Header.js';
import { CommandMap, type Picked } from './CommandMap.js';
import { CommandToolbar } from './CommandToolbar.js';
import { DetailPanel } from './DetailPanel.js';
import { IndicatorPanel } from './IndicatorPanel.js';
import { LayerPanel, type Visible } from './LayerPanel.js';
import { useCommandData } from './use-command-data.js';
import { useEmap, type EmapMethod, type EmapMode } from './use-emap.js';
import { PrintSheet } from './PrintSheet.js';
import { commandSheet } from './command-sheet.js';
import { PrintMarks } from '../common/PrintMarks.js';
import { printFitted } from '../common/print-map.js';
import { usePrintTarget } from '../common/print-ctrlp.js';
import type { FeatureCollection, Geometry } from 'geojson';
import { LoginForm } from './LoginForm.js';
import { useIncident } from '../incident/use-incident.js';
import { IncidentPanel } from '../incident/IncidentPanel.js';
import { IncidentBrief } from '../incident/IncidentBrief.js';
import { impactPoints } from '../incident/incident-layers.js';
import { useHazardOverlay } from '../hazards/use-hazard-overlay.js';
import { HazardMapNote } from '../hazards/HazardMapNote.js';
import '../hazards/hazards.css';
import '../styles/command.css';
import '../styles/incident.css';
import '../styles/command-screens.css';

const getCommandMap = () => window.__riskmap?.map;

const DEFAULT_COLOURS = Object.fromEntries(Object.entries(domainDefaults.riskLevels).map(([l, v]) => [l, v.color])) as Record<RiskLevel, string>;

/** Print only the incident brief (the print stylesheet keys on the body class), the map fitted to the zones. */
function printBrief(zones: FeatureCollection | null | undefined): void {
  void printFitted(window.__riskmap?.map, zones ? bboxOf(zones.features.map((f) => f.geometry)) : null, { kind: 'incident', bodyClass: 'print-incident' });
}

export default function CommandApp() {
  const { t, locale } = useI18n();
  const data = useCommandData();
  const incident = useIncident();
  const levelsCfg = data.config?.riskLevels;
  const COLOURS = useMemo(() => (levelsCfg ? ({ ...DEFAULT_COLOURS, ...Object.fromEntries(Object.entries(levelsCfg).map(([l, v]) => [l, v.color])) } as Record<RiskLevel, string>) : DEFAULT_COLOURS), [levelsCfg]);
  const TARGET = data.config?.perCapitaTargetM2 ?? domainDefaults.shelters.perCapitaTargetM2;
  const [visible, setVisible] = useState<Visible>({ townships: true, 'risk-points': true, 'hazard-sources': true, shelters: true, warehouses: true, 'fire-stations': true });
  const [levels, setLevels] = useState<Record<RiskLevel, boolean>>({ 1: true, 2: true, 3: true, 4: true });
  const [mode, setMode] = useState<EmapMode>('off');
  const [cellM, setCellM] = useState(1000);
  const [method, setMethod] = useState<EmapMethod>('max');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [focus, setFocus] = useState<[number, number, number, number] | null>(null);
  const [loginOpen, setLoginOpen] = useState(true);
  /** The township the user zoomed to (print and PNG are about it), else the county. */
  const [printArea, setPrintArea] = useState<{ bbox: [number, number, number, number]; name: string } | null>(null);
  const emap = useEmap(mode, cellM, method, data.revision);
  const hazardOverlay = useHazardOverlay(data.revision, data.layers['risk-points']);

  const townships = data.layers.townships?.features;
  const townshipName = useMemo(() => {
    const names = new Map((townships ?? []).map((f) => [f.properties.code, f.properties.name]));
    return (code: string) => names.get(code);
  }, [townships]);
  const perCapita = data.perCapitaApi;
  const shelters = data.layers.shelters;
  const incidentPoints = useMemo(() => {
    if (!incident.result) return undefined;
    const at = new Map((shelters?.features ?? []).map((f) => [f.properties.id ?? f.id, f.geometry.coordinates as [number, number]]));
    return impactPoints(incident.result, (id) => at.get(id as number));
  }, [incident.result, shelters]);
  useEffect(() => {
    if (incident.status === 'done' && window.__riskmap) Object.assign(window.__riskmap, { incidentPickedAt: incident.pickedAt, incidentAnsweredAt: performance.now() });
  }, [incident.status, incident.result, incident.pickedAt]);
  const originName = incident.origin?.kind === 'source' ? incident.origin.name : incident.origin ? `${incident.origin.lonLat[0].toFixed(5)}, ${incident.origin.lonLat[1].toFixed(5)}` : '';
  const isSample = Object.values(data.layers).some((l) => l?.sample || l?.features.some((f) => (f.properties as { sample?: boolean }).sample));

  const zoomToTownship = (code: string) => {
    const f = townships?.find((x) => x.properties.code === code);
    const all = bboxOf((townships ?? []).map((x) => x.geometry));
    setFocus(f ? bboxOf([f.geometry]) : all);
    const fb = f ? bboxOf([f.geometry]) : null;
    setPrintArea(f && fb ? { bbox: fb, name: f.properties.name } : null);
  };
  const drawn = { visible, levels, mode, layers: data.layers, incident: incident.active ? incident.result : null, hiddenHazards: hazardOverlay };
  const sheet = () => {
    const s = commandSheet(t, locale, COLOURS, isSample, drawn);
    return printArea && !(incident.active && incident.result) ? { ...s, title: `${s.title} · ${printArea.name}` } : s;
  };

  const printBounds = () => (incident.active && incident.result ? bboxOf(incident.result.zones.features.map((f) => f.geometry as Geometry)) : printArea ? printArea.bbox : bboxOf((townships ?? []).map((x) => x.geometry)));
  // Ctrl+P: the brief when the incident panel shows an answer (as its 打印简报 button), else the 打印 sheet.
  usePrintTarget({
    map: getCommandMap,
    bounds: printBounds,
    options: () => (incident.active && incident.result ? { kind: 'incident', bodyClass: 'print-incident' } : { kind: 'command' }),
  });

  return (
    <div className="command-app">
      <Header title={t('appTitle')} sample={isSample} live={data.live}>
        <CommandToolbar
          layers={data.layers}
          townships={townships ?? []}
          onZoomTownship={zoomToTownship}
          incidentActive={incident.active}
          onIncident={() => (incident.active ? incident.close() : incident.open())}
          sheet={sheet}
          printBounds={printBounds}
          onPickHit={(h) => {
            setPicked({ layer: h.layer === 'townships' ? 'demand-points' : h.layer, properties: h.properties, lonLat: h.lonLat });
            const d = 0.01;
            setFocus([h.lonLat[0] - d, h.lonLat[1] - d, h.lonLat[0] + d, h.lonLat[1] + d]);
          }}
        />
        {data.anonymous ? (
          <button type="button" onClick={() => setLoginOpen(true)} data-testid="open-login">
            {t('cmd.signIn')}
          </button>
        ) : null}
      </Header>
      <main className="command-main">
        <LayerPanel
          layers={data.layers}
          errors={data.errors}
          restricted={data.restricted}
          colours={COLOURS}
          visible={visible}
          setVisible={setVisible}
          levels={levels}
          setLevels={setLevels}
          mode={mode}
          setMode={setMode}
          cellM={cellM}
          setCellM={setCellM}
          method={method}
          setMethod={setMethod}
          emapSource={emap.source}
        />
        <div className="map-wrap">
          {!data.loaded ? <div className="map-loading">{t('loading')}</div> : null}
          <CommandMap
            layers={data.layers}
            config={data.config}
            context={data.context}
            colours={COLOURS}
            visible={visible}
            levels={levels}
            emapMode={mode}
            emap={emap.result}
            selected={picked}
            focusBounds={focus}
            onPick={setPicked}
            onPickLocation={
              incident.active
                ? (lonLat, hit) =>
                    hit?.layer === 'hazard-sources'
                      ? incident.pick({ kind: 'source', id: hit.properties.id as number, name: String(hit.properties.name), lonLat: hit.lonLat })
                      : incident.pick({ kind: 'point', lonLat })
                : null
            }
            incident={{ result: incident.active ? incident.result : null, points: incidentPoints }}
            attribution={`riskmap${isSample ? ` · ${t('sample')}` : ''}`}
            hiddenHazards={hazardOverlay}
          />
          <HazardMapNote o={hazardOverlay} />
          <div className="north-arrow" aria-hidden="true">
            ▲<span>{t('north')}</span>
          </div>
          {isSample ? <div className="map-sample-note">{t('sampleNote')}</div> : null}
          <PrintMarks getMap={getCommandMap} watermark={isSample ? t('sample') : null} />
        </div>
        <div className="right-column">
          {incident.active ? (
            <IncidentPanel incident={incident} colours={COLOURS} onPrint={() => printBrief(incident.result?.zones as FeatureCollection | undefined)} />
          ) : (
            <>
              {picked ? (
                <DetailPanel
                  picked={picked}
                  townshipName={townshipName}
                  onClose={() => setPicked(null)}
                  onChoose={(i) => picked.stack && setPicked({ ...picked.stack[i]!, stack: picked.stack, index: i })}
                  onIncident={() => incident.pick({ kind: 'source', id: picked.properties.id as number, name: String(picked.properties.name), lonLat: picked.lonLat })}
                />
              ) : null}
              <IndicatorPanel layers={data.layers} perCapita={perCapita} targetM2={TARGET} colours={COLOURS} coverage={data.coverage} />
            </>
          )}
        </div>
      </main>
      <PrintSheet sheet={sheet()} />
      {incident.active && incident.result ? (
        <div className="incident-print-sheet" aria-hidden="true">
          <IncidentBrief r={incident.result} origin={originName || translate(locale, 'incident.point')} colours={COLOURS} sample={isSample} />
        </div>
      ) : null}
      {data.needsLogin && loginOpen ? <LoginForm onSignedIn={data.reloadAll} onDismiss={() => setLoginOpen(false)} /> : null}
    </div>
  );
}
