/** The answer of `POST /api/scenarios/impact` as the web app reads it (see apps/api/src/routes/scenarios.ts). */
import type { FeatureCollection, LineString, Polygon } from 'geojson';

export type IncidentType = 'toxic-release' | 'fire' | 'explosion';
export const INCIDENT_TYPES: IncidentType[] = ['toxic-release', 'fire', 'explosion'];
type Key = number | string;

export interface ZoneProps {
  key: string;
  rank: number;
  radiusM: number;
  shape: 'circle' | 'plume';
  evacuate: boolean;
  arrivalMinutes: number | null;
  population: number;
  cumulativePopulation: number;
  fromPoints: number;
  fromDensity: number;
  villages: number;
}

export interface ImpactRequest {
  hazardSourceId?: Key;
  location?: [number, number];
  type?: IncidentType;
  radiiM?: number[];
  windFromDeg?: number;
  windSpeedMs?: number;
}

export interface Impact {
  scenario: { type: IncidentType; location: [number, number]; sourceId: Key | null; radiiM: number[]; windFromDeg: number | null; windSpeedMs: number | null; shape: 'circle' | 'plume' };
  zones: FeatureCollection<Polygon, ZoneProps>;
  population: number;
  evacuees: number;
  villages: { id: Key; name: string; population: number; zone: string; rank: number; evacuate: boolean; distanceM: number; lonLat: [number, number] }[];
  riskPoints: { id: Key; name: string; level: number; zone: string; distanceM: number; enterprise: string | null }[];
  hazardSources: { id: Key; name: string; zone: string; distanceM: number; grade: number | null; isMajor: boolean; substances: string[] }[];
  unsafeShelters: { id: Key; name: string; zone: string; distanceM: number; capacity: number; status: string | null }[];
  safeShelters: { id: Key; name: string; distanceM: number; capacity: number; allocated: number; remainingCapacity: number; lonLat: [number, number]; shelterClass: string | null }[];
  unsuitableShelters: number;
  allocations: { villageId: Key; shelterId: Key; people: number; distanceM: number; villageName: string; shelterName: string }[];
  unplaced: number;
  unplacedWithoutLocation: number;
  fireStations: { id: Key; name: string; etaMinutes: number; distanceM: number; stationType: string | null; vehicles: number | null }[];
  warehouses: { id: Key; name: string; distanceM: number; zone: string | null; stock: { item: string; unit: string; quantity: number; minimum: number; belowMinimum: boolean }[] }[];
  allocationLines: FeatureCollection<LineString, { villageName: string; shelterName: string; people: number; distanceM: number }>;
  timeMs: number;
}
