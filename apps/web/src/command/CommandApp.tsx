/** The command map (应急管理一张图): layers, four-colour e-map, details, indicators. */
import { useEffect, useMemo, useState } from 'react';
import { domainDefaults } from '@riskmap/config';
import type { RiskLevel } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { bboxOf } from '../common/geo-math.js';
import { Header } from '../common/Header.js';
import { CommandMap, type Picked } from './CommandMap.js';
import { CommandToolbar } from './CommandToolbar.js';
import { DetailPanel } from './DetailPanel.js';
import { IndicatorPanel } from './IndicatorPanel.js';
import { LayerPanel, type Visible } from './LayerPanel.js';
import { perCapitaLocal } from './per-capita-local.js';
import { useCommandData } from './use-command-data.js';
import { useEmap, type EmapMethod, type EmapMode } from './use-emap.js';
import { PrintSheet } from './PrintSheet.js';
import { LoginForm } from './LoginForm.js';
import { useWhatif } from '../whatif/use-whatif.js';
import { WhatifPanel } from '../whatif/WhatifPanel.js';
import { WhatifBrief } from '../whatif/WhatifBrief.js';
import { impactPoints } from '../whatif/whatif-layers.js';
import { wt } from '../whatif/messages.js';
import '../styles/command.css';
import '../styles/whatif.css';

const DEFAULT_COLOURS = Object.fromEntries(Object.entries(domainDefaults.riskLevels).map(([l, v]) => [l, v.color])) as Record<RiskLevel, string>;

/** Print only the what-if brief (the print stylesheet keys on the body class). */
function printBrief(): void {
  document.body.classList.add('print-whatif');
  window.addEventListener('afterprint', () => document.body.classList.remove('print-whatif'), { once: true });
  window.print();
}

export default function CommandApp() {
  const { t, locale } = useI18n();
  const data = useCommandData();
  const whatif = useWhatif();
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
  const emap = useEmap(mode, cellM, method, data.layers, COLOURS, data.revision);

  const townships = data.layers.townships?.features;
  const townshipName = useMemo(() => {
    const names = new Map((townships ?? []).map((f) => [f.properties.code, f.properties.name]));
    return (code: string) => names.get(code);
  }, [townships]);
  const perCapita = useMemo(
    () => data.perCapitaApi ?? (townships && data.layers.shelters ? perCapitaLocal(townships, data.layers.shelters.features, TARGET, domainDefaults.shelters.usableStatuses) : null),
    [data.perCapitaApi, townships, data.layers.shelters, TARGET],
  );
  const shelters = data.layers.shelters;
  const whatifPoints = useMemo(() => {
    if (!whatif.result) return undefined;
    const at = new Map((shelters?.features ?? []).map((f) => [f.properties.id ?? f.id, f.geometry.coordinates as [number, number]]));
    return impactPoints(whatif.result, (id) => at.get(id as number));
  }, [whatif.result, shelters]);
  useEffect(() => {
    if (whatif.status === 'done' && window.__riskmap) Object.assign(window.__riskmap, { whatifPickedAt: whatif.pickedAt, whatifAnsweredAt: performance.now() });
  }, [whatif.status, whatif.result, whatif.pickedAt]);
  const originName = whatif.origin?.kind === 'source' ? whatif.origin.name : whatif.origin ? `${whatif.origin.lonLat[0].toFixed(5)}, ${whatif.origin.lonLat[1].toFixed(5)}` : '';
  const isSample = Object.values(data.layers).some((l) => l?.sample || l?.features.some((f) => (f.properties as { sample?: boolean }).sample));

  const zoomToTownship = (code: string) => {
    const f = townships?.find((x) => x.properties.code === code);
    const all = bboxOf((townships ?? []).map((x) => x.geometry));
    setFocus(f ? bboxOf([f.geometry]) : all);
  };

  return (
    <div className="command-app">
      <Header title={t('appTitle')} sample={isSample} live={data.live}>
        <CommandToolbar
          layers={data.layers}
          townships={townships ?? []}
          onZoomTownship={zoomToTownship}
          whatifActive={whatif.active}
          onWhatif={() => (whatif.active ? whatif.close() : whatif.open())}
          onPickHit={(h) => {
            setPicked({ layer: h.layer, properties: h.properties, lonLat: h.lonLat });
            const d = 0.01;
            setFocus([h.lonLat[0] - d, h.lonLat[1] - d, h.lonLat[0] + d, h.lonLat[1] + d]);
          }}
        />
      </Header>
      <main className="command-main">
        <LayerPanel
          layers={data.layers}
          errors={data.errors}
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
              whatif.active
                ? (lonLat, hit) =>
                    hit?.layer === 'hazard-sources'
                      ? whatif.pick({ kind: 'source', id: hit.properties.id as number, name: String(hit.properties.name), lonLat: hit.lonLat })
                      : whatif.pick({ kind: 'point', lonLat })
                : null
            }
            whatif={{ result: whatif.active ? whatif.result : null, points: whatifPoints }}
            attribution={`riskmap${isSample ? ` · ${t('sample')}` : ''}`}
          />
          <div className="north-arrow" aria-hidden="true">
            ▲<span>{t('north')}</span>
          </div>
          {isSample ? <div className="map-sample-note">{t('sampleNote')}</div> : null}
        </div>
        <div className="right-column">
          {whatif.active ? (
            <WhatifPanel whatif={whatif} colours={COLOURS} onPrint={printBrief} />
          ) : (
            <>
              {picked ? (
                <DetailPanel
                  picked={picked}
                  townshipName={townshipName}
                  onClose={() => setPicked(null)}
                  onWhatIf={() => whatif.pick({ kind: 'source', id: picked.properties.id as number, name: String(picked.properties.name), lonLat: picked.lonLat })}
                />
              ) : null}
              <IndicatorPanel layers={data.layers} perCapita={perCapita} fromApi={data.perCapitaApi !== null} targetM2={TARGET} colours={COLOURS} coverage={data.coverage} />
            </>
          )}
        </div>
      </main>
      <PrintSheet colours={COLOURS} sample={isSample} />
      {whatif.active && whatif.result ? (
        <div className="print-only whatif-print-sheet" aria-hidden="true">
          <WhatifBrief r={whatif.result} origin={originName || wt(locale, 'point')} colours={COLOURS} sample={isSample} />
        </div>
      ) : null}
      {data.needsLogin ? <LoginForm onSignedIn={data.reloadAll} /> : null}
    </div>
  );
}
