/** 隐患排查治理: the register on a map, the flow of each hazard, and statistics per township and sector (signed-in roles). */
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection, Point } from 'geojson';
import { getJson, getOptional } from '../api/client.js';
import type { SiteConfig } from '../api/types.js';
import { haversineM } from '../common/geo-math.js';
import { Header } from '../common/Header.js';
import { LoginForm } from '../command/LoginForm.js';
import { hazardApi } from './hazard-api.js';
import { HAZARD_COLOURS } from './hazard-map-layers.js';
import { HazardDetail } from './HazardDetail.js';
import { HazardMap } from './HazardMap.js';
import { HazardStats } from './HazardStats.js';
import { RecordForm } from './RecordForm.js';
import { useScoped } from '../i18n/index.js';
import { useHazards } from './use-hazards.js';
import '../styles/command.css';
import './hazards.css';

/** A click within this distance of a risk point links the new hazard to it. */
const LINK_RADIUS_M = 250;

export default function HazardsApp() {
  const h = useScoped('hazards');
  const [by, setBy] = useState<'township' | 'category'>('township');
  const [openOnly, setOpenOnly] = useState(true);
  const data = useHazards(by, openOnly);
  const [base, setBase] = useState<{ townships: FeatureCollection; riskPoints: FeatureCollection<Point>; config: SiteConfig } | null>(null);
  const [flags, setFlags] = useState<FeatureCollection | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<[number, number] | null>(null);

  useEffect(() => {
    // the role is 'public' until /api/auth/me answers: only a signed-in user may read the risk points
    if (data.needsLogin || data.role === 'public') return;
    void (async () => {
      const [townships, riskPoints, config] = await Promise.all([
        getJson<FeatureCollection>('/api/layers/townships'),
        getJson<FeatureCollection<Point>>('/api/layers/risk-points?fields=code,name,level,enterprise'),
        getOptional<SiteConfig>('/api/config'),
      ]);
      setBase({ townships, riskPoints, config: config.ok ? config.value : {} });
    })().catch(() => {});
  }, [data.needsLogin, data.role]);

  useEffect(() => {
    if (!base || data.needsLogin) return;
    void hazardApi.flags().then((f) => {
      const codes = new Set(f.riskPoints.map((r) => r.code));
      setFlags({ type: 'FeatureCollection', features: base.riskPoints.features.filter((rp) => codes.has(String(rp.properties?.code))) });
    });
  }, [base, data.revision, data.needsLogin]);

  const nearestRiskPoint = useMemo(() => {
    if (!draft || !base) return null;
    let best: { code: string; name: string; d: number } | null = null;
    for (const f of base.riskPoints.features) {
      const d = haversineM(draft, f.geometry.coordinates as [number, number]);
      if (d <= LINK_RADIUS_M && (!best || d < best.d)) best = { code: String(f.properties?.code), name: String(f.properties?.name), d };
    }
    return best;
  }, [draft, base]);

  const canRecord = data.vocabulary?.flow.some((s) => s.key === 'record' && s.roles.includes(data.role)) ?? false;
  return (
    <div className="command-app hazards-app">
      <Header title={h('title')} sample={data.stats?.sample ?? false} live={data.needsLogin ? undefined : data.live}>
        <nav className="screen-links">
          <a href="/">{h('mapLink')}</a>
          <a href="/scoreboard">{h('scoreboard')}</a>
        </nav>
      </Header>
      <main className="command-main">
        <div className="left-column">
          <label className="open-only"><input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {h('openOnly')}</label>
          <div className="legend" data-testid="hazard-legend">
            <span><span className="dot" style={{ background: HAZARD_COLOURS.general }} /> {h('legendGeneral')}</span>
            <span><span className="dot big" style={{ background: HAZARD_COLOURS.major }} /> {h('legendMajor')}</span>
            <span><span className="dot ring" style={{ borderColor: HAZARD_COLOURS.overdue }} /> {h('legendOverdue')}</span>
            <span><span className="dot ring" style={{ borderColor: HAZARD_COLOURS.flag }} /> {h('flagged')}</span>
          </div>
          <HazardStats stats={data.stats} by={by} setBy={setBy} />
        </div>
        <div className="map-wrap">
          {base ? (
            <HazardMap
              townships={base.townships}
              riskPoints={base.riskPoints}
              config={base.config}
              hazards={data.hazards}
              flags={flags}
              draft={draft}
              onPick={(lonLat, id) => {
                if (id !== null) return (setSelected(id), setDraft(null));
                if (canRecord) (setDraft(lonLat), setSelected(null));
              }}
            />
          ) : null}
          {canRecord ? <div className="map-sample-note">{h('recordHint')}</div> : null}
        </div>
        <div className="right-column">
          {draft && data.vocabulary ? (
            <RecordForm lonLat={draft} vocabulary={data.vocabulary} riskPoint={nearestRiskPoint} onDone={(id) => (setDraft(null), id !== null && setSelected(id), data.reload())} />
          ) : null}
          {selected !== null && data.vocabulary ? (
            <HazardDetail id={selected} vocabulary={data.vocabulary} role={data.role} revision={data.revision} onChanged={data.reload} onClose={() => setSelected(null)} />
          ) : null}
        </div>
      </main>
      {data.needsLogin ? <LoginForm onSignedIn={data.reload} /> : null}
    </div>
  );
}
