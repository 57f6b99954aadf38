import type { HiddenHazardsConfig } from '@riskmap/config';

export interface HazardStateInput {
  status: string;
  deadline: string | null;
  grade: string;
  supervised: boolean;
}

export interface HazardState {
  /** The stored flow status (已发现 / 整改中 / 待验收 / 已销号). */
  status: string;
  open: boolean;
  /** Deadline passed (before `today`) and not closed: shown as 逾期, computed, never stored. */
  overdue: boolean;
  supervised: boolean;
  /** What the register shows: 'overdue' when overdue, else the status. */
  shown: string;
  shownZh: string;
  shownEn: string;
  color: string;
}

/**
 * A hazard's state on `today` (YYYY-MM-DD in the configured timezone): its status, and 逾期 from the day
 * after its deadline while it is open.
 * @example hazardState({ status: 'rectifying', deadline: '2026-11-30', grade: 'general', supervised: false }, '2026-12-01', cfg).shown // 'overdue'
 */
export function hazardState(h: HazardStateInput, today: string, cfg: HiddenHazardsConfig): HazardState {
  const s = cfg.statuses[h.status];
  const open = s ? s.open : true;
  const overdue = open && h.deadline !== null && h.deadline < today;
  const label = overdue ? cfg.overdue : (s ?? { zh: h.status, en: h.status, color: '#888888' });
  return {
    status: h.status,
    open,
    overdue,
    supervised: h.supervised,
    shown: overdue ? 'overdue' : h.status,
    shownZh: label.zh,
    shownEn: label.en,
    color: overdue ? cfg.overdue.color : (s?.color ?? '#888888'),
  };
}
