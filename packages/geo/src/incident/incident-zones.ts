import type { IncidentConfig } from '@riskmap/config';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { InputError } from '../input-error.js';
import { localMetricProjection } from '../analytics/local-metric-projection.js';
import { plumeHalfAngleDeg } from './plume-half-angle-deg.js';
import { INCIDENT_TYPES, type IncidentType, type ZoneProps } from './types.js';

export interface IncidentZonesOptions {
  type: IncidentType;
  /** Zone radii (m), inner → outer; default: the type's radii from configuration. */
  radiiM?: readonly number[];
  /** Direction the wind blows FROM (degrees clockwise from north); releases then spread downwind. */
  windFromDeg?: number;
  windSpeedMs?: number;
  /** Zone keys and radii per type, the evacuated zones, the plume table and the largest radius (configuration). */
  incident: Pick<IncidentConfig, 'zones' | 'evacuateZones' | 'plume' | 'maxRadiusM'>;
  /** Vertices per full circle of the drawn polygons (default 128). */
  stepsPerCircle?: number;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Nested impact zones around a source: circles of the configured (or given) radii; for a toxic
 * release with a wind direction, the first zone stays a circle (isolation all round, the wind may
 * shift) and the outer zones become that circle plus a downwind sector of their radius, centred on
 * windFromDeg + 180° with the half-angle for the wind speed. Membership is exact (see zoneLocator);
 * the polygons draw it with `stepsPerCircle` vertices.
 * @example incidentZones([115.8, 36.1], { type: 'toxic-release', windFromDeg: 0, windSpeedMs: 3, incident: config.domain.incident }).features[1].properties.bearingDeg // → 180
 */
export function incidentZones(center: readonly [number, number], options: IncidentZonesOptions): FeatureCollection<Polygon, ZoneProps> {
  const cfg = options.incident;
  const [lon, lat] = center;
  if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
    throw new InputError(`location must be [lon, lat] in degrees; got [${String(lon)}, ${String(lat)}]`, 'location');
  }
  if (!INCIDENT_TYPES.includes(options.type)) throw new InputError(`type must be one of ${INCIDENT_TYPES.join(', ')}; got ${String(options.type)}`, 'type', INCIDENT_TYPES);
  const defaults = cfg.zones[options.type];
  const radii = options.radiiM ?? defaults.map((z) => z.radiusM);
  checkRadii(radii, defaults.length, cfg.maxRadiusM);
  const { windFromDeg, windSpeedMs } = options;
  if (windFromDeg !== undefined && !(Number.isFinite(windFromDeg) && windFromDeg >= 0 && windFromDeg <= 360)) {
    throw new InputError(`windFromDeg must be 0–360 degrees; got ${String(windFromDeg)}`, 'windFromDeg');
  }
  const halfAngle = options.type === 'toxic-release' && windFromDeg !== undefined ? plumeHalfAngleDeg(windSpeedMs, cfg.plume) : null;
  if (windSpeedMs !== undefined && !(Number.isFinite(windSpeedMs) && windSpeedMs >= 0)) throw new InputError(`windSpeedMs must be ≥ 0 m/s; got ${String(windSpeedMs)}`, 'windSpeedMs');
  const bearing = halfAngle === null ? null : (windFromDeg! + 180) % 360;
  const steps = options.stepsPerCircle ?? 128;
  const projection = localMetricProjection(lon, lat);
  const evacuate = new Set(cfg.evacuateZones);

  const features = radii.map((radiusM, rank): Feature<Polygon, ZoneProps> => {
    const plume = bearing !== null && (rank > 0 || radii.length === 1);
    const roundRadiusM = plume ? (radii.length === 1 ? 0 : radii[0]!) : radiusM;
    const ring = plume ? plumeRing(radiusM, roundRadiusM, bearing, halfAngle!, steps) : arc(radiusM, 0, -360, steps);
    ring.push(ring[0]!);
    const key = defaults[rank]!.key;
    return {
      type: 'Feature',
      properties: {
        key, rank, radiusM, shape: plume ? 'plume' : 'circle', center: [lon, lat], roundRadiusM,
        bearingDeg: plume ? bearing : null, halfAngleDeg: plume ? halfAngle : null, evacuate: evacuate.has(key),
        arrivalMinutes: options.type === 'toxic-release' && windSpeedMs !== undefined && windSpeedMs > 0 ? Math.round((radiusM / windSpeedMs / 60) * 10) / 10 : null,
      },
      geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => projection.toLonLat(x!, y!).map(round6))] },
    };
  });
  return { type: 'FeatureCollection', features };
}

function checkRadii(radii: readonly number[], maxZones: number, maxRadiusM: number): void {
  if (radii.length < 1 || radii.length > maxZones) throw new InputError(`radiiM takes 1–${maxZones} radii; got ${radii.length}`, 'radiiM');
  radii.forEach((r, i) => {
    if (!(Number.isFinite(r) && r > 0 && r <= maxRadiusM)) throw new InputError(`radiiM[${i}] must be > 0 and ≤ ${maxRadiusM} m; got ${String(r)}`, 'radiiM');
    if (i > 0 && !(r > radii[i - 1]!)) throw new InputError(`radiiM must increase inner → outer; radiiM[${i}] = ${r} ≤ ${radii[i - 1]}`, 'radiiM');
  });
}

/** Points at radius r (m) from bearing `from` to `to` (degrees; decreasing = counter-clockwise), end excluded. */
function arc(r: number, from: number, to: number, stepsPerCircle: number): Position[] {
  const n = Math.max(2, Math.ceil((Math.abs(to - from) / 360) * stepsPerCircle));
  const out: Position[] = [];
  for (let k = 0; k < n; k++) {
    const b = ((from + ((to - from) * k) / n) * Math.PI) / 180;
    out.push([r * Math.sin(b), r * Math.cos(b)]);
  }
  return out;
}

/** Counter-clockwise ring: the downwind arc at radiusM, then the all-round arc at roundRadiusM (or the source). */
function plumeRing(radiusM: number, roundRadiusM: number, bearing: number, halfAngle: number, steps: number): Position[] {
  const sector = [...arc(radiusM, bearing + halfAngle, bearing - halfAngle, steps), pointAt(radiusM, bearing - halfAngle)];
  if (halfAngle >= 180) return arc(radiusM, 0, -360, steps);
  const round = roundRadiusM > 0 ? [...arc(roundRadiusM, bearing - halfAngle, bearing + halfAngle - 360, steps), pointAt(roundRadiusM, bearing + halfAngle - 360)] : [[0, 0]];
  return [...sector, ...round];
}

function pointAt(r: number, bearingDeg: number): Position {
  const b = (bearingDeg * Math.PI) / 180;
  return [r * Math.sin(b), r * Math.cos(b)];
}
