/**
 * The data model as GeoJSON feature properties (camelCase), shared by the sample generator, the
 * database mapping, the API and the web app. Database columns are the snake_case of these names.
 */
import type { MultiPolygon, Point, Polygon, Feature, FeatureCollection } from 'geojson';
import type { RiskLevel } from '@riskmap/config';

export type { RiskLevel };

export const LAYER_IDS = [
  'townships',
  'risk-points',
  'hazard-sources',
  'shelters',
  'warehouses',
  'fire-stations',
  'demand-points',
  'candidate-sites',
  'hidden-hazards',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** Present on every stored feature. `sample` marks generated sample data (示例数据). */
export interface Stored {
  id?: number;
  code: string;
  name: string;
  sample: boolean;
  version?: number;
}

export interface AdminAreaProps extends Stored {
  level: 'county' | 'township' | 'village';
  parentCode: string | null;
  /** Resident population (常住人口). */
  population: number;
  /** True for the 街道 that together form the county town (县城). */
  isUrban: boolean;
  kind: 'subdistrict' | 'town' | 'township' | 'county';
  /** True where the boundary is generated (e.g. Voronoi of the seats), not surveyed. */
  approximate: boolean;
  /** The seat point [lon, lat]. */
  seat: [number, number] | null;
}

export type Industry =
  | 'hazardous-chemicals'
  | 'gas'
  | 'transport'
  | 'construction'
  | 'metallurgy'
  | 'fireworks'
  | 'ammonia-refrigeration'
  | 'school'
  | 'crowded-place'
  | 'other';

export type LecInputs = { L: number; E: number; C: number };
export type MatrixInputs = { L: number; S: number };

export interface RiskPointProps extends Stored {
  industry: Industry;
  hazardTypes: string[];
  assessmentMethod: 'lec' | 'matrix';
  assessmentInputs: LecInputs | MatrixInputs;
  score: number;
  level: RiskLevel;
  methodVersion: string;
  assessedAt: string;
  assessor: string;
  /** Set when the level is 重大 by rule, not by score. */
  directMajorReason: string | null;
  enterprise: string;
  townshipCode: string | null;
  responsibleUnit: string;
  responsiblePerson: string;
  responsiblePhone: string;
  controlMeasures: string;
  hazardSourceCode: string | null;
}

export interface Substance {
  name: string;
  /** Chemical formula for toxic gases (NH3, Cl2 …), used to pick β. */
  formula?: string;
  category: 'explosive' | 'flammable-gas' | 'toxic-gas' | 'flammable-liquid' | 'other';
  quantityT: number;
  /** Critical quantity Q from GB 18218 (t). */
  thresholdT: number;
}

export interface HazardSourceProps extends Stored {
  enterprise: string;
  townshipCode: string | null;
  substances: Substance[];
  /** S = Σ q/Q. */
  sValue: number;
  isMajor: boolean;
  alpha: number | null;
  rValue: number | null;
  /** 1–4 = 一级–四级 for 重大危险源, null otherwise. */
  grade: 1 | 2 | 3 | 4 | null;
  peopleWithin500m: number | null;
  methodVersion: string;
  contactPerson: string;
  contactPhone: string;
  /** Plant boundary, stored in its own geometry column. */
  boundary: Polygon | null;
}

export type ShelterClass = 'emergency' | 'short-term' | 'medium-term' | 'long-term' | 'central';
export type ShelterStatus = 'planned' | 'built' | 'open' | 'closed';
export type SiteType = 'park' | 'square' | 'school' | 'stadium' | 'civil-defence' | 'green' | 'vacant' | 'other';

export interface ShelterProps extends Stored {
  shelterClass: ShelterClass;
  siteType: SiteType;
  totalAreaM2: number;
  effectiveAreaM2: number;
  /** People it can hold. */
  capacity: number;
  status: ShelterStatus;
  /** Suitability per hazard type (GSI style). */
  suitability: { earthquake: boolean; flood: boolean; fire: boolean; hazmat: boolean };
  facilities: string[];
  address: string;
  access: string;
  contactPerson: string;
  contactPhone: string;
  isPublic: boolean;
  townshipCode: string | null;
  site: Polygon | null;
}

export interface StockLine {
  item: string;
  unit: string;
  quantity: number;
  minimum: number;
}

export interface WarehouseProps extends Stored {
  level: 'county' | 'township' | 'park';
  floorAreaM2: number;
  townshipCode: string | null;
  contactPerson: string;
  contactPhone: string;
  stock: StockLine[];
}

export type FireStationType =
  | 'class-1'
  | 'class-2'
  | 'special'
  | 'small'
  | 'township-full-time-1'
  | 'township-full-time-2'
  | 'township-volunteer'
  | 'micro';

export interface FireStationProps extends Stored {
  stationType: FireStationType;
  vehicles: number;
  staff: number;
  turnoutMinutes: number;
  townshipCode: string | null;
  contactPhone: string;
}

export interface DemandPointProps extends Stored {
  kind: 'village' | 'community';
  townshipCode: string;
  population: number;
}

export interface CandidateSiteProps extends Stored {
  siteType: SiteType;
  areaM2: number;
  effectiveAreaM2: number;
  suitableFor: ('shelter' | 'fire-station')[];
  townshipCode: string | null;
  constraints: string;
}

export interface SampleDataset {
  seed: number;
  county: Feature<MultiPolygon, AdminAreaProps>;
  townships: FeatureCollection<MultiPolygon, AdminAreaProps>;
  /** Neighbouring county outlines for the offline base map (context only, not stored as admin areas). */
  neighbours: FeatureCollection<MultiPolygon | Polygon, { name: string; code: string }>;
  demandPoints: FeatureCollection<Point, DemandPointProps>;
  riskPoints: FeatureCollection<Point, RiskPointProps>;
  hazardSources: FeatureCollection<Point, HazardSourceProps>;
  shelters: FeatureCollection<Point, ShelterProps>;
  warehouses: FeatureCollection<Point, WarehouseProps>;
  fireStations: FeatureCollection<Point, FireStationProps>;
  candidateSites: FeatureCollection<Point, CandidateSiteProps>;
}
