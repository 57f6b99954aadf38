import type { DomainConfig } from '@riskmap/config';
import { buildRoadGraph } from './build-road-graph.js';
import { haversineM } from '../analytics/haversine-m.js';
import { shortestMinutes } from './shortest-minutes.js';
import { snapToNode } from './snap-to-node.js';
import type { SitingCandidate, SitingDemand, ImpedanceSpec, ImpedanceUsed, SitingMatrix } from './types.js';

type Pt = { lon: number; lat: number };

/**
 * Impedance from every demand point to every candidate and to its nearest existing facility: metres
 * (geodesic × detour factor), minutes at a speed, or minutes over a road network (Dijkstra from each site);
 * the detour factor and speed the spec leaves out are the configured fire-station ones.
 * @example buildImpedanceMatrix(demand, candidates, [], { kind: 'geodesic' }, config.domain.fireStations).impedance.unit; // 'm'
 */
export function buildImpedanceMatrix(
  demand: readonly SitingDemand[],
  candidates: readonly SitingCandidate[],
  existing: readonly SitingCandidate[],
  spec: ImpedanceSpec,
  fireStations: Pick<DomainConfig['fireStations'], 'detourFactor' | 'speedKmh'>,
  /** Coverage standard: sites with their own `reach` are scaled by limit ÷ reach so one limit decides coverage. */
  limit?: number,
): { matrix: SitingMatrix; impedance: ImpedanceUsed } {
  const detour = spec.detourFactor ?? fireStations.detourFactor;
  const turnout = spec.kind === 'geodesic' ? 0 : (spec.turnoutMinutes ?? 0);
  let pair: (site: number, sitePt: Pt) => (d: Pt, i: number) => number;
  let impedance: ImpedanceUsed;
  const sites = [...candidates, ...existing];
  if (spec.kind === 'geodesic') {
    pair = (_s, sp) => (d) => haversineM(d.lon, d.lat, sp.lon, sp.lat) * detour;
    impedance = { kind: 'geodesic', unit: 'm', detourFactor: detour, description: `straight-line distance × detour factor ${detour} (metres)` };
  } else if (spec.kind === 'time') {
    const speed = spec.speedKmh ?? fireStations.speedKmh.urban;
    pair = (s, sp) => {
      const site = sites[s]!;
      const perMin = ((site.speedKmh ?? speed) * 1000) / 60;
      const own = site.turnoutMinutes ?? turnout;
      return (d) => (haversineM(d.lon, d.lat, sp.lon, sp.lat) * detour) / perMin + own;
    };
    impedance = {
      kind: 'time',
      unit: 'min',
      detourFactor: detour,
      speedKmh: speed,
      turnoutMinutes: turnout,
      description: `straight-line distance × detour factor ${detour} at ${speed} km/h${turnout ? ` + ${turnout} min turn-out` : ''} (minutes, no road network)`,
    };
  } else {
    const defaultSpeed = spec.defaultSpeedKmh ?? fireStations.speedKmh.urban;
    const access = ((spec.accessSpeedKmh ?? defaultSpeed) * 1000) / 60;
    const maxSnap = spec.maxSnapM ?? 2_000;
    const graph = buildRoadGraph(spec.network, { classSpeedsKmh: spec.classSpeedsKmh, defaultSpeedKmh: defaultSpeed });
    const snap = (p: Pt) => {
      const s = snapToNode(graph, p.lon, p.lat);
      return s.meters <= maxSnap ? { node: s.node, minutes: (s.meters * detour) / access } : { node: -1, minutes: Infinity };
    };
    const demandSnap = demand.map(snap);
    const siteSnap = sites.map(snap);
    const unsnapped = [...demandSnap, ...siteSnap].filter((s) => s.node < 0).length;
    pair = (s) => {
      const from = siteSnap[s]!;
      const own = sites[s]!.turnoutMinutes ?? turnout;
      const tree = from.node >= 0 ? shortestMinutes(graph, from.node) : null;
      return (_d, i) => {
        const to = demandSnap[i]!;
        return tree && to.node >= 0 ? from.minutes + tree[to.node]! + to.minutes + own : Infinity;
      };
    };
    impedance = {
      kind: 'network',
      unit: 'min',
      detourFactor: detour,
      speedKmh: defaultSpeed,
      turnoutMinutes: turnout,
      unsnappedPoints: unsnapped,
      description: `shortest-path driving time over the road network (${graph.lon.length} nodes), access legs × detour factor ${detour}${turnout ? ` + ${turnout} min turn-out` : ''} (minutes)`,
    };
  }
  const n = demand.length;
  const values = new Float64Array(n * candidates.length);
  const nearestExisting = new Float64Array(n).fill(Infinity);
  const scaled = limit !== undefined && sites.some((s) => s.reach !== undefined);
  const nearestRaw = scaled ? new Float64Array(n).fill(Infinity) : null;
  sites.forEach((site, s) => {
    const f = pair(s, site);
    // A site reaching `reach` covers what v × limit ÷ reach ≤ limit says; a reach of 0 covers nothing.
    const scale = scaled && site.reach !== undefined ? (site.reach > 0 ? limit! / site.reach : Infinity) : 1;
    for (let i = 0; i < n; i++) {
      const raw = f(demand[i]!, i);
      const v = scale === 1 ? raw : raw * scale;
      if (s < candidates.length) values[s * n + i] = v;
      else {
        if (v < nearestExisting[i]!) nearestExisting[i] = v;
        if (nearestRaw && raw < nearestRaw[i]!) nearestRaw[i] = raw;
      }
    }
  });
  const weights = Float64Array.from(demand, (d) => d.weight * (d.riskWeight ?? 1));
  const population = Float64Array.from(demand, (d) => d.weight);
  const matrix: SitingMatrix = { nDemand: n, nCandidates: candidates.length, values, existing: nearestExisting, weights, population };
  if (nearestRaw) matrix.existingRaw = nearestRaw;
  return { matrix, impedance };
}
