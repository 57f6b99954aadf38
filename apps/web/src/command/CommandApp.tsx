/** The command map (应急管理一张图): layers, four-colour e-map, details, indicators. */
import { useMemo, useState } from 'react';
import { domainDefaults } from '@riskmap/config';
import type { RiskLevel } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { bboxOf } from '../shared/geo-math.js';
import { Header } from '../shared/Header.js';
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
import '../styles/command.css';

const COLOURS = Object.fromEntries(Object.entries(domainDefaults.riskLevels).map(([l, v]) => [l, v.color])) as Record<RiskLevel, string>;
const TARGET = domainDefaults.shelters.perCapitaTargetM2;

export default function CommandApp() {
  const { t } = useI18n();
  const data = useCommandData();
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
    [data.perCapitaApi, townships, data.layers.shelters],
  );
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
            colours={COLOURS}
            visible={visible}
            levels={levels}
            emapMode={mode}
            emap={emap.result}
            selected={picked}
            focusBounds={focus}
            onPick={setPicked}
            attribution={`riskmap${isSample ? ` · ${t('sample')}` : ''}`}
          />
          <div className="north-arrow" aria-hidden="true">
            ▲<span>{t('north')}</span>
          </div>
          {isSample ? <div className="map-sample-note">{t('sampleNote')}</div> : null}
        </div>
        <div className="right-column">
          {picked ? <DetailPanel picked={picked} townshipName={townshipName} onClose={() => setPicked(null)} /> : null}
          <IndicatorPanel layers={data.layers} perCapita={perCapita} fromApi={data.perCapitaApi !== null} targetM2={TARGET} colours={COLOURS} coverage={data.coverage} />
        </div>
      </main>
      <PrintSheet colours={COLOURS} sample={isSample} />
      {data.needsLogin ? <LoginForm onSignedIn={data.reloadAll} /> : null}
    </div>
  );
}
