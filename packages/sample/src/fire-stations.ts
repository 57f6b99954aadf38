/**
 * Fire stations (消防站): a class-1 and a class-2 station in the county town, one brigade per town
 * (full-time 一级 for the three most populous, full-time 二级 for the next five, volunteer for the
 * rest, GB/T 35547-2017) and microstations (微型消防站) in communities, parks and large villages.
 * All keep the 300 m distance from hazardous sites used by the siting rules.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import type { DemandPointProps, FireStationProps, FireStationType } from '@riskmap/geo';
import { domainDefaults } from '@riskmap/config';
import { placeIn, townshipAt, type Township } from './context.js';
import { phone } from './names.js';
import type { Rng } from './prng.js';
import type { IndustrialPark } from './reference-data.js';

/** Vehicles, staff and turn-out minutes by station type: [vehicles min, max, staff min, max, turnout min, max]. */
const SPEC: Record<FireStationType, [number, number, number, number, number, number]> = {
  'class-1': [6, 8, 40, 50, 1, 1],
  'class-2': [3, 5, 25, 32, 1, 1],
  special: [8, 10, 45, 60, 1, 1],
  small: [2, 2, 15, 20, 1, 1],
  'township-full-time-1': [3, 4, 15, 20, 1, 1.5],
  'township-full-time-2': [2, 2, 8, 12, 1.5, 2],
  'township-volunteer': [1, 1, 6, 10, 3, 5],
  micro: [0, 1, 6, 8, 1, 3],
};

const TYPE_ZH: Record<FireStationType, string> = {
  'class-1': '一级普通消防站',
  'class-2': '二级普通消防站',
  special: '特勤消防站',
  small: '小型消防站',
  'township-full-time-1': '一级专职消防队',
  'township-full-time-2': '二级专职消防队',
  'township-volunteer': '志愿消防队',
  micro: '微型消防站',
};

interface Plan {
  type: FireStationType;
  township: Township;
  near: Position;
  radiusM: number;
  label: string;
}

/**
 * Fire stations FS-001…; names read '侨润街道示例一级普通消防站', '阎楼镇示例专职消防队' and so on.
 * @example generateFireStations(rng, townships, parks, demand, hazardPoints).features.length // ≈ 37
 */
export function generateFireStations(
  rng: Rng,
  townships: readonly Township[],
  parks: readonly IndustrialPark[],
  demand: FeatureCollection<Point, DemandPointProps>,
  hazardPoints: readonly Position[],
): FeatureCollection<Point, FireStationProps> {
  const urban = townships.filter((t) => t.isUrban).sort((a, b) => b.population - a.population);
  const rural = townships.filter((t) => !t.isUrban).sort((a, b) => b.population - a.population);
  const plans: Plan[] = [];
  urban.slice(0, 2).forEach((t, i) => plans.push({ type: i === 0 ? 'class-1' : 'class-2', township: t, near: t.seat, radiusM: 1500, label: t.name }));
  rural.forEach((t, i) => {
    const type: FireStationType = i < 3 ? 'township-full-time-1' : i < 8 ? 'township-full-time-2' : 'township-volunteer';
    plans.push({ type, township: t, near: t.seat, radiusM: 800, label: t.name });
  });
  // Microstations: the largest communities, both parks, and large villages far from a town seat.
  const byPeople = [...demand.features].sort((a, b) => b.properties.population - a.properties.population || a.properties.code.localeCompare(b.properties.code));
  const communities = byPeople.filter((d) => d.properties.kind === 'community').slice(0, 6);
  const villages = byPeople.filter((d) => d.properties.kind === 'village').slice(15, 25);
  for (const d of [...communities, ...villages]) {
    const t = townships.find((x) => x.code === d.properties.townshipCode) as Township;
    plans.push({ type: 'micro', township: t, near: d.geometry.coordinates, radiusM: 200, label: d.properties.name });
  }
  for (const park of parks) {
    for (let k = 1; k <= 2; k++) {
      plans.push({ type: 'micro', township: townshipAt(townships, [park.lon, park.lat]), near: [park.lon, park.lat], radiusM: 2000, label: `${park.name}${k}号` });
    }
  }
  const placed: Position[] = [];
  const features = plans.map((p, i): Feature<Point, FireStationProps> => {
    const coords = placeIn(rng, p.township, {
      near: p.near,
      radiusM: p.radiusM,
      marginM: 50,
      avoid: [
        { points: hazardPoints, spacingM: domainDefaults.fireStations.hazardousSiteDistanceM },
        { points: placed, spacingM: 200 },
      ],
    });
    placed.push(coords);
    const [vMin, vMax, sMin, sMax, tMin, tMax] = SPEC[p.type];
    return turf.point(coords, {
      code: `FS-${String(i + 1).padStart(3, '0')}`,
      name: `${p.label}示例${TYPE_ZH[p.type]}`,
      sample: true,
      stationType: p.type,
      vehicles: rng.int(vMin, vMax),
      staff: rng.int(sMin, sMax),
      turnoutMinutes: Math.round(rng.range(tMin, tMax) * 2) / 2,
      townshipCode: p.township.code,
      contactPhone: phone(rng),
    });
  });
  return turf.featureCollection(features);
}
