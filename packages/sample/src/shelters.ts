/**
 * Emergency shelters (应急避难场所): every township gets usable (built/open) shelters whose effective
 * areas add up exactly to its designed per-capita figure (shelter-design.ts); then planned shelters
 * (county town and three towns) and two closed ones that do not count. Capacity = effective area ÷
 * the class's m² per person from domainDefaults.shelters.classes.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import type { ShelterClass, ShelterProps, ShelterStatus } from '@riskmap/geo';
import { domainDefaults } from '@riskmap/config';
import { apportion } from './apportion.js';
import { placeIn, type Township } from './context.js';
import { EnterpriseNamer } from './enterprises.js';
import { rectangleAround } from './geometry.js';
import { address, personName, phone } from './names.js';
import type { Rng } from './prng.js';
import { accessFor, facilitiesFor, siteTypeFor, SITE_TYPE_ZH, suitabilityFor } from './shelter-attributes.js';
import { designedPerCapita, TOWN_PLANNED_PER_CAPITA_M2, URBAN_PLANNED_PER_CAPITA_M2 } from './shelter-design.js';

interface Slot {
  cls: ShelterClass;
  status: ShelterStatus;
  effectiveAreaM2: number;
  /** Fixed site area (the central shelter); otherwise derived from an effective share of 30–41 %. */
  totalAreaM2?: number;
}

/** Relative size of each class when a township's area is split among its shelters. */
const CLASS_WEIGHT: Record<ShelterClass, number> = { emergency: 1, 'short-term': 2.5, 'medium-term': 5, 'long-term': 8, central: 0 };

/** Smallest effective area per class so that total = effective ÷ 0.41 meets the class's minimum site area. */
function minEffective(cls: ShelterClass): number {
  return Math.ceil(domainDefaults.shelters.classes[cls]?.minSiteAreaM2 ?? 1000) * 0.42;
}

function repeat(cls: ShelterClass, n: number): ShelterClass[] {
  return Array.from({ length: n }, () => cls);
}

/** Splits `areaM2` among the classes (weights jittered), each at least its minimum. */
function allocate(rng: Rng, areaM2: number, classes: ShelterClass[], status: () => ShelterStatus): Slot[] {
  const mins = classes.map((c) => Math.ceil(minEffective(c)));
  const free = Math.round(areaM2) - mins.reduce((s, m) => s + m, 0);
  if (free < 0) throw new Error(`shelters: ${Math.round(areaM2)} m² cannot hold ${classes.length} shelters`);
  const parts = apportion(free, classes.map((c) => CLASS_WEIGHT[c] * rng.range(0.7, 1.3)));
  return classes.map((cls, i) => ({ cls, status: status(), effectiveAreaM2: (mins[i] as number) + (parts[i] as number) }));
}

function usableSlots(rng: Rng, t: Township, perCapita: number, holdsCentral: boolean): Slot[] {
  const target = Math.round(perCapita * t.population);
  const status = (): ShelterStatus => (rng.chance(0.7) ? 'open' : 'built');
  const slots: Slot[] = [];
  let rest = target;
  if (holdsCentral) {
    const totalAreaM2 = rng.int(500_000, 540_000);
    const eff = Math.min(Math.round(totalAreaM2 * rng.range(0.3, 0.36)), Math.round(target * 0.7));
    slots.push({ cls: 'central', status: 'open', effectiveAreaM2: eff, totalAreaM2 });
    rest -= eff;
  }
  const classes = t.isUrban
    ? ['long-term', ...repeat('medium-term', rng.int(1, 2)), ...repeat('short-term', rng.int(3, 4)), ...repeat('emergency', rng.int(3, 5))]
    : [target > 60_000 ? 'long-term' : 'medium-term', ...repeat('short-term', rng.int(1, 2)), ...repeat('emergency', rng.int(1, 2))];
  return [...slots, ...allocate(rng, rest, classes as ShelterClass[], status)];
}

/** Planned (not yet usable) and closed shelters per township index. */
function extraSlots(rng: Rng, townships: readonly Township[], urbanRank: number[]): Map<number, Slot[]> {
  const extra = new Map<number, Slot[]>();
  const add = (i: number, slot: Slot) => extra.set(i, [...(extra.get(i) ?? []), slot]);
  const townPop = urbanRank.reduce((s, i) => s + (townships[i] as Township).population, 0);
  const planned = Math.round(URBAN_PLANNED_PER_CAPITA_M2 * townPop);
  const second = urbanRank[1] ?? urbanRank[0];
  const third = urbanRank[2] ?? second;
  if (second !== undefined && third !== undefined) {
    add(second, { cls: 'long-term', status: 'planned', effectiveAreaM2: Math.round(planned * 0.6) });
    add(third, { cls: 'medium-term', status: 'planned', effectiveAreaM2: planned - Math.round(planned * 0.6) });
    add(second, { cls: 'short-term', status: 'closed', effectiveAreaM2: rng.int(3000, 6000) });
  }
  townships.forEach((t, i) => {
    const ratio = TOWN_PLANNED_PER_CAPITA_M2[t.name];
    if (ratio !== undefined) add(i, { cls: 'medium-term', status: 'planned', effectiveAreaM2: Math.max(Math.round(ratio * t.population), minEffective('medium-term')) });
  });
  const rural = townships.map((t, i) => ({ t, i })).filter((x) => !x.t.isUrban && TOWN_PLANNED_PER_CAPITA_M2[x.t.name] === undefined);
  const closedTown = rural.length > 0 ? rng.pick(rural).i : undefined;
  if (closedTown !== undefined) add(closedTown, { cls: 'emergency', status: 'closed', effectiveAreaM2: rng.int(800, 2000) });
  return extra;
}

interface Placed {
  point: Position;
  halfDiagonalM: number;
}

/**
 * All shelters SH-001…, township by township; usable ones first, then planned and closed.
 * @example generateShelters(rng, townships, hazardPoints).features.length // ≈ 95
 */
export function generateShelters(rng: Rng, townships: readonly Township[], hazardPoints: readonly Position[]): FeatureCollection<Point, ShelterProps> {
  const perCapita = designedPerCapita(townships);
  const urbanRank = townships.map((t, i) => ({ t, i })).filter((x) => x.t.isUrban).sort((a, b) => b.t.population - a.t.population || a.i - b.i).map((x) => x.i);
  const extra = extraSlots(rng, townships, urbanRank);
  const namer = new EnterpriseNamer();
  const features: Feature<Point, ShelterProps>[] = [];
  townships.forEach((t, ti) => {
    const slots = [...usableSlots(rng, t, perCapita[ti] as number, ti === urbanRank[0]), ...(extra.get(ti) ?? [])];
    const placed: Placed[] = [];
    for (const slot of slots) {
      const siteType = siteTypeFor(rng, slot.cls);
      const totalAreaM2 = slot.totalAreaM2 ?? Math.round(slot.effectiveAreaM2 / rng.range(0.3, 0.41));
      const effectiveAreaM2 = slot.effectiveAreaM2;
      const aspect = rng.range(1, 1.8);
      const width = Math.sqrt(totalAreaM2 * aspect);
      const height = totalAreaM2 / width;
      const halfDiagonalM = Math.hypot(width, height) / 2;
      const point = placeIn(rng, t, {
        near: t.seat,
        radiusM: t.isUrban ? 3500 : slot.cls === 'emergency' ? 4000 : 1800,
        marginM: halfDiagonalM + 30,
        avoid: [
          { points: hazardPoints, spacingM: domainDefaults.shelters.safetyDistanceM.flammablePlant },
          ...placed.map((p) => ({ points: [p.point], spacingM: p.halfDiagonalM + halfDiagonalM + 50 })),
        ],
      });
      placed.push({ point, halfDiagonalM });
      const perPerson = domainDefaults.shelters.classes[slot.cls]?.perCapitaM2;
      if (!perPerson) throw new Error(`shelters: no per-capita area configured for class ${slot.cls}`);
      const name = slot.cls === 'central' ? '阳谷县示例中心避难场所' : `${namer.next(t.name, SITE_TYPE_ZH[siteType])}避难场所`;
      const isPublic = slot.status !== 'planned' && !(siteType === 'civil-defence' && rng.chance(0.5)) && !(siteType === 'school' && rng.chance(0.15));
      const props: ShelterProps = {
        code: `SH-${String(features.length + 1).padStart(3, '0')}`,
        name,
        sample: true,
        shelterClass: slot.cls,
        siteType,
        totalAreaM2,
        effectiveAreaM2,
        capacity: Math.floor(effectiveAreaM2 / perPerson),
        status: slot.status,
        suitability: suitabilityFor(rng, siteType),
        facilities: slot.status === 'planned' ? [] : facilitiesFor(rng, slot.cls),
        address: address(rng, t.name),
        access: accessFor(rng, siteType),
        contactPerson: personName(rng),
        contactPhone: phone(rng),
        isPublic,
        townshipCode: t.code,
        site: rectangleAround(point, width, height, rng.range(0, 90)),
      };
      features.push(turf.point(point, props));
    }
  });
  return turf.featureCollection(features);
}
