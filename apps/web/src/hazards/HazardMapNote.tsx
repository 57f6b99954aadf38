/** A note on the command map: open hidden hazards, overdue and 重大, with links to the register and the plan's scoreboard (signed-in roles only). */
import { HAZARD_COLOURS } from './hazard-map-layers.js';
import type { HazardOverlay } from './use-hazard-overlay.js';
import { useI18n, useScoped } from '../i18n/index.js';

export function HazardMapNote({ o }: { o: HazardOverlay }) {
  const h = useScoped('hazards');
  const { locale } = useI18n();
  if (!o.hazards) return null;
  return (
    <div className="hazard-map-note" data-testid="hazard-map-note">
      <a href="/hazards">{h('mapOpen', { n: o.open })}</a>{locale === 'en' ? ': ' : '：'}
      <span style={{ color: HAZARD_COLOURS.major }}>● {h('mapMajor', { n: o.major })}</span>{' '}
      <span style={{ color: HAZARD_COLOURS.overdue }}>◯ {h('mapOverdue', { n: o.overdue })}</span>{' '}
      <span style={{ color: HAZARD_COLOURS.flag }}>◯ {h('mapFlags', { n: o.flags?.features.length ?? 0 })}</span>{' '}
      <a href="/scoreboard" data-testid="map-scoreboard-link">{h('scoreboard')}</a>
    </div>
  );
}
