import type { IncidentConfig } from '@riskmap/config';
import { InputError } from '../input-error.js';

/**
 * Half-angle (degrees) of the downwind sector of a release at a wind speed (m/s): the first row of
 * `plume.halfAngleDeg` whose minWindMs ≤ speed (slower wind meanders more, so the sector is wider);
 * null when the wind is calm (below `calmWindMs`) and the hazard is taken as spreading all round.
 * An unknown speed takes the widest (lowest-speed) row, to be safe.
 * @example plumeHalfAngleDeg(3, config.domain.incident.plume) // → 30 with the default table
 */
export function plumeHalfAngleDeg(windSpeedMs: number | undefined, plume: IncidentConfig['plume']): number | null {
  const rows = [...plume.halfAngleDeg].sort((a, b) => b.minWindMs - a.minWindMs);
  if (rows.length === 0) throw new Error('plumeHalfAngleDeg: plume.halfAngleDeg has no rows');
  if (windSpeedMs === undefined) return rows[rows.length - 1]!.halfAngleDeg;
  if (!(Number.isFinite(windSpeedMs) && windSpeedMs >= 0)) throw new InputError(`windSpeedMs must be ≥ 0 m/s; got ${String(windSpeedMs)}`, 'windSpeedMs');
  if (windSpeedMs < plume.calmWindMs) return null;
  return (rows.find((r) => r.minWindMs <= windSpeedMs) ?? rows[rows.length - 1]!).halfAngleDeg;
}
