/** A note on the command map: open hidden hazards, overdue and 重大, with a link to the register (signed-in roles only). */
import { HAZARD_COLOURS } from './hazard-map-layers.js';
import type { HazardOverlay } from './use-hazard-overlay.js';

export function HazardMapNote({ o }: { o: HazardOverlay }) {
  if (!o.hazards) return null;
  return (
    <div className="hazard-map-note" data-testid="hazard-map-note">
      <a href="/hazards">隐患（未销号）{o.open} 项</a>：
      <span style={{ color: HAZARD_COLOURS.major }}>● 重大 {o.major}</span>{' '}
      <span style={{ color: HAZARD_COLOURS.overdue }}>◯ 逾期 {o.overdue}</span>{' '}
      <span style={{ color: HAZARD_COLOURS.flag }}>◯ 风险点有未销号重大隐患 {o.flags?.features.length ?? 0}</span>
    </div>
  );
}
