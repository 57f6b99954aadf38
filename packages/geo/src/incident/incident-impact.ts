import type { DomainConfig, IncidentConfig } from '@riskmap/config';
import type { FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { allocateEvacuees, type Allocation } from './allocate-evacuees.js';
import { allocationLines, type AllocationLineProps } from './allocation-lines.js';
import { classifyShelters, type ShelterInput, type ShelterInZone } from './classify-shelters.js';
import { incidentZones } from './incident-zones.js';
import { locateInZones } from './locate-in-zones.js';
import { rankFireStations, type FireStationEta, type FireStationInput } from './rank-fire-stations.js';
import { rankWarehouses, type WarehouseInput, type WarehouseReach } from './rank-warehouses.js';
import type { FeatureKey, IncidentType, ZoneProps } from './types.js';
import { zonePopulation, type AffectedVillage, type DemandPointInput, type TownshipInput, type ZonePopulationRow } from './zone-population.js';

export interface IncidentScenario {
  location: readonly [number, number];
  type: IncidentType;
  radiiM?: readonly number[];
  windFromDeg?: number;
  windSpeedMs?: number;
  /** The hazard source the incident starts at: left out of the domino candidates. */
  sourceId?: FeatureKey | null;
}

export interface IncidentLayers {
  townships?: FeatureCollection<Polygon | MultiPolygon, TownshipInput & { isUrban?: boolean }>;
  demandPoints: FeatureCollection<Point, DemandPointInput>;
  riskPoints: FeatureCollection<Geometry | null, { code?: string; name: string; level: number; industry?: string; enterprise?: string; hazardSourceCode?: string | null }>;
  hazardSources: FeatureCollection<Point, { code?: string; name: string; enterprise?: string; grade?: number | null; isMajor?: boolean; substances?: { name: string }[] }>;
  shelters: FeatureCollection<Point, ShelterInput>;
  warehouses: FeatureCollection<Point, WarehouseInput>;
  fireStations: FeatureCollection<Point, FireStationInput>;
}

export interface IncidentImpactOptions {
  incident: IncidentConfig;
  fireStations: DomainConfig['fireStations'];
  /** Shelter statuses that can take people (the configured shelters.usableStatuses). */
  usableShelterStatuses: readonly string[];
}

export type ImpactZoneProps = ZoneProps & Omit<ZonePopulationRow, 'key' | 'rank' | 'evacuate'>;
type InZone = { id: FeatureKey; code: string | null; name: string; zone: string; distanceM: number };

export interface IncidentImpact {
  scenario: {
    type: IncidentType; location: [number, number]; sourceId: FeatureKey | null; radiiM: number[];
    windFromDeg: number | null; windSpeedMs: number | null; shape: 'circle' | 'plume'; plumeBearingDeg: number | null; halfAngleDeg: number | null;
    shelterSuitability: string | null;
  };
  zones: FeatureCollection<Polygon, ImpactZoneProps>;
  population: number;
  evacuees: number;
  villages: AffectedVillage[];
  riskPoints: (InZone & { level: number; industry: string | null; enterprise: string | null; hazardSourceCode: string | null })[];
  hazardSources: (InZone & { grade: number | null; isMajor: boolean; enterprise: string | null; substances: string[] })[];
  unsafeShelters: ShelterInZone[];
  safeShelters: { id: FeatureKey; code: string | null; name: string; shelterClass: string | null; distanceM: number; capacity: number; allocated: number; remainingCapacity: number; lonLat: [number, number] }[];
  unsuitableShelters: number;
  allocations: (Allocation & { villageName: string; shelterName: string })[];
  unplaced: number;
  unplacedVillages: { villageId: FeatureKey; name: string; people: number }[];
  /** Evacuees estimated from township density: counted, but with no location they are not allocated. */
  unplacedWithoutLocation: number;
  personMetres: number;
  fireStations: FireStationEta[];
  warehouses: WarehouseReach[];
  allocationLines: FeatureCollection<LineString, AllocationLineProps>;
}

/**
 * The whole impact analysis of an incident at a location: nested impact zones (a downwind plume for a
 * release with wind), people per zone and the villages affected, risk points and hazard sources
 * inside (domino candidates, by level), shelters inside (unsafe) and safe ones outside, the exact
 * least-distance allocation of evacuated villages to safe shelters within capacity, fire stations
 * by arrival time and the nearest warehouses with stock. Distances are straight-line geodesic metres.
 * @example incidentImpact({ location: [115.8, 36.1], type: 'fire' }, layers, { incident: d.incident, fireStations: d.fireStations, usableShelterStatuses: d.shelters.usableStatuses }).fireStations[0].etaMinutes
 */
export function incidentImpact(scenario: IncidentScenario, layers: IncidentLayers, options: IncidentImpactOptions): IncidentImpact {
  const cfg = options.incident;
  const zones = incidentZones(scenario.location, { type: scenario.type, radiiM: scenario.radiiM, windFromDeg: scenario.windFromDeg, windSpeedMs: scenario.windSpeedMs, incident: cfg });
  const people = zonePopulation(zones, layers.demandPoints, layers.townships);
  const inside = <T extends { zone: string | null }>(rows: T[]) => rows.filter((r): r is T & { zone: string } => r.zone !== null);

  const riskPoints = inside(locateInZones(zones, layers.riskPoints)).map((h) => ({
    id: h.id, code: h.properties.code ?? null, name: h.properties.name, level: Number(h.properties.level), zone: h.zone, distanceM: h.distanceM,
    industry: h.properties.industry ?? null, enterprise: h.properties.enterprise ?? null, hazardSourceCode: h.properties.hazardSourceCode ?? null,
  })).sort((a, b) => a.level - b.level || a.distanceM - b.distanceM);
  const hazardSources = inside(locateInZones(zones, layers.hazardSources))
    .filter((h) => scenario.sourceId === undefined || scenario.sourceId === null || h.id !== scenario.sourceId)
    .map((h) => ({
      id: h.id, code: h.properties.code ?? null, name: h.properties.name, zone: h.zone, distanceM: h.distanceM, grade: h.properties.grade ?? null,
      isMajor: h.properties.isMajor ?? false, enterprise: h.properties.enterprise ?? null, substances: (h.properties.substances ?? []).map((s) => s.name),
    })).sort((a, b) => (a.grade ?? 9) - (b.grade ?? 9) || a.distanceM - b.distanceM);

  const suitability = cfg.shelterSuitability[scenario.type];
  const shelters = classifyShelters(zones, layers.shelters, { usableStatuses: options.usableShelterStatuses, suitability });
  const evacuating = people.villages.filter((v) => v.evacuate);
  const allocation = allocateEvacuees(
    evacuating.map((v) => ({ id: v.id, name: v.name, lonLat: v.lonLat, people: v.population })),
    shelters.safe.map((s) => ({ id: s.id, name: s.name, lonLat: s.lonLat, capacity: s.capacity })),
  );
  const safeShelters = shelters.safe
    .map((s, i) => ({ ...s, allocated: allocation.allocatedByShelter[i]!, remainingCapacity: s.capacity - allocation.allocatedByShelter[i]! }))
    .filter((s, i) => i < cfg.nearestSafeShelters || s.allocated > 0);
  const villageName = new Map(evacuating.map((v) => [v.id, v.name]));
  const shelterName = new Map(shelters.safe.map((s) => [s.id, s.name]));

  const first = zones.features.find((z) => z.properties.shape === 'plume')?.properties;
  const rows = new Map(people.zones.map((r) => [r.rank, r]));
  return {
    scenario: {
      type: scenario.type, location: [scenario.location[0], scenario.location[1]], sourceId: scenario.sourceId ?? null, radiiM: zones.features.map((z) => z.properties.radiusM),
      windFromDeg: scenario.windFromDeg ?? null, windSpeedMs: scenario.windSpeedMs ?? null, shape: first ? 'plume' : 'circle',
      plumeBearingDeg: first?.bearingDeg ?? null, halfAngleDeg: first?.halfAngleDeg ?? null, shelterSuitability: suitability,
    },
    zones: {
      type: 'FeatureCollection',
      features: zones.features.map((z) => {
        const { key: _k, rank: _r, evacuate: _e, ...row } = rows.get(z.properties.rank)!;
        return { ...z, properties: { ...z.properties, ...row } };
      }),
    },
    population: people.population,
    evacuees: people.evacuees,
    villages: people.villages,
    riskPoints,
    hazardSources,
    unsafeShelters: shelters.unsafe,
    safeShelters,
    unsuitableShelters: shelters.unsuitable,
    allocations: allocation.allocations.map((a) => ({ ...a, villageName: villageName.get(a.villageId)!, shelterName: shelterName.get(a.shelterId)! })),
    unplaced: allocation.unplaced + people.evacueesFromDensity,
    unplacedVillages: allocation.unplacedVillages,
    unplacedWithoutLocation: people.evacueesFromDensity,
    personMetres: allocation.personMetres,
    fireStations: rankFireStations(scenario.location, layers.fireStations, {
      urbanTownshipCodes: layers.townships?.features.filter((t) => t.properties.isUrban).map((t) => t.properties.code),
      fireStations: options.fireStations, limit: cfg.nearestFireStations,
    }),
    warehouses: rankWarehouses(zones, layers.warehouses, { limit: cfg.nearestWarehouses }),
    allocationLines: allocationLines(allocation.allocations, evacuating, shelters.safe),
  };
}
