import { InputError } from '../input-error.js';
import type { LocationProblem, SitingProblem } from './siting-problem.js';

const KINDS = ['lscp', 'mclp', 'p-median', 'p-center', 'shelter-gap'] as const;
const IMPEDANCE_KINDS = ['geodesic', 'time', 'network'] as const;

/**
 * Checks a siting problem a user could have typed wrong and throws `InputError` naming the field
 * (`p`, `radiusM`, `demand[3].lat` …); `candidateCount` is the count after filtering.
 * @example validateSitingProblem({ kind: 'mclp', p: 0, ... }, 5); // throws InputError field 'p'
 */
export function validateSitingProblem(problem: SitingProblem, candidateCount: number): void {
  if (!problem || !KINDS.includes(problem.kind)) throw new InputError('unknown siting problem', 'kind', KINDS);
  if (!Array.isArray(problem.candidates)) throw new InputError('candidates must be an array', 'candidates');
  problem.candidates.forEach((c, k) => checkPoint(c, `candidates[${k}]`));
  optionalPositive(problem.timeLimitMs, 'timeLimitMs');
  if (problem.kind === 'shelter-gap') {
    if (!Array.isArray(problem.townships) || problem.townships.length === 0) throw new InputError('townships must be a non-empty array', 'townships');
    return;
  }
  const p: LocationProblem = problem;
  if (!Array.isArray(p.demand) || p.demand.length === 0) throw new InputError('demand must be a non-empty array', 'demand');
  p.demand.forEach((d, k) => {
    checkPoint(d, `demand[${k}]`);
    if (!(Number.isFinite(d.weight) && d.weight >= 0)) throw new InputError('weight must be a number ≥ 0', `demand[${k}].weight`);
    if (d.riskWeight !== undefined && !(Number.isFinite(d.riskWeight) && d.riskWeight >= 0)) {
      throw new InputError('riskWeight must be a number ≥ 0', `demand[${k}].riskWeight`);
    }
  });
  (p.existing ?? []).forEach((e, k) => checkPoint(e, `existing[${k}]`));
  if (candidateCount === 0 && !(p.kind === 'mclp' && p.p === 0)) throw new InputError('no candidate site is left after filtering', 'candidates');
  if (p.kind !== 'lscp') {
    // p = 0 (MCLP only) asks for the figures of the existing facilities alone.
    const min = p.kind === 'mclp' ? 0 : 1;
    if (!Number.isInteger(p.p) || p.p! < min) throw new InputError(`p must be an integer ≥ ${min}`, 'p');
    if (p.p! > candidateCount) throw new InputError(`p must not exceed the ${candidateCount} usable candidates`, 'p');
  }
  const imp = p.impedance ?? { kind: 'geodesic' };
  if (!IMPEDANCE_KINDS.includes(imp.kind)) throw new InputError('unknown impedance kind', 'impedance.kind', IMPEDANCE_KINDS);
  if (imp.detourFactor !== undefined && !(imp.detourFactor >= 1)) throw new InputError('detourFactor must be ≥ 1', 'impedance.detourFactor');
  if (imp.kind === 'time') optionalPositive(imp.speedKmh, 'impedance.speedKmh');
  if (imp.kind === 'network') {
    optionalPositive(imp.defaultSpeedKmh, 'impedance.defaultSpeedKmh');
    optionalPositive(imp.accessSpeedKmh, 'impedance.accessSpeedKmh');
  }
  const field = imp.kind === 'geodesic' ? 'radiusM' : 'minutes';
  const other = imp.kind === 'geodesic' ? 'minutes' : 'radiusM';
  if (p[other] !== undefined) {
    throw new InputError(`${other} does not fit ${imp.kind} impedance; give ${field}`, other);
  }
  const limit = p[field];
  if (limit !== undefined && !(Number.isFinite(limit) && limit > 0)) throw new InputError(`${field} must be > 0`, field);
  if ((p.kind === 'lscp' || p.kind === 'mclp') && limit === undefined) throw new InputError(`${field} is required for ${p.kind}`, field);
  if (p.seed !== undefined && !Number.isInteger(p.seed)) throw new InputError('seed must be an integer', 'seed');
}

function checkPoint(pt: { id?: unknown; lon: number; lat: number }, field: string): void {
  if (!pt || (typeof pt.id !== 'string' && typeof pt.id !== 'number')) throw new InputError('id must be a string or number', `${field}.id`);
  if (!(Number.isFinite(pt.lon) && Math.abs(pt.lon) <= 180)) throw new InputError('lon must be within −180…180', `${field}.lon`);
  if (!(Number.isFinite(pt.lat) && Math.abs(pt.lat) <= 90)) throw new InputError('lat must be within −90…90', `${field}.lat`);
}

function optionalPositive(v: number | undefined, field: string): void {
  if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new InputError(`${field} must be > 0`, field);
}
