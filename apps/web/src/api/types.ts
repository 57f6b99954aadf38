/** Shapes of the API answers the web app reads (layer properties come from @riskmap/geo's model). */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  AdminAreaProps,
  DemandPointProps,
  FireStationProps,
  HazardSourceProps,
  RiskLevel,
  RiskPointProps,
  ShelterProps,
  WarehouseProps,
} from '@riskmap/geo';

export type { AdminAreaProps, DemandPointProps, FireStationProps, HazardSourceProps, RiskLevel, RiskPointProps, ShelterProps, WarehouseProps };

export type LayerCollection<G extends Geometry, P> = FeatureCollection<G, P> & { sample?: boolean; layer?: { id: string; title: string } };

export interface LayerSet {
  townships: LayerCollection<MultiPolygon | Polygon, AdminAreaProps>;
  'risk-points': LayerCollection<Point, RiskPointProps>;
  'hazard-sources': LayerCollection<Point, HazardSourceProps>;
  shelters: LayerCollection<Point, ShelterProps>;
  warehouses: LayerCollection<Point, WarehouseProps>;
  'fire-stations': LayerCollection<Point, FireStationProps>;
}
export type PointLayerId = Exclude<keyof LayerSet, 'townships'>;
export const POINT_LAYERS: PointLayerId[] = ['risk-points', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations'];

export interface EmapCellProps {
  level: RiskLevel | null;
  color?: string;
  counts: Record<string, number>;
  name?: string;
  code?: string;
  index?: number;
}
export interface EmapResult {
  type: 'FeatureCollection';
  features: Feature<Polygon | MultiPolygon, EmapCellProps>[];
  /** The API's legend: the levels present with their colours and counts. */
  legend?: { method: string; items: { level: RiskLevel; color: string; zh: string; en: string; count: number }[] };
}

export interface PerCapitaRow {
  townshipCode: string;
  name: string;
  population: number;
  effectiveAreaM2: number;
  perCapitaM2: number;
  targetM2: number;
  meetsTarget: boolean;
  shortfallM2: number;
  isUrban?: boolean;
}
export interface PerCapitaResult {
  rows: PerCapitaRow[];
  countyTown?: { population: number; effectiveAreaM2: number; perCapitaM2: number; meetsTarget?: boolean };
  county?: { population: number; effectiveAreaM2: number; perCapitaM2: number };
  areaUsed?: string;
}

export interface NearestShelter {
  id: number | string;
  name: string;
  distanceM: number;
  walkingMinutes: number;
  capacity: number;
  shelterClass: string;
  facilities: string[];
  status: string;
  lon: number;
  lat: number;
}
export interface NearestResult {
  shelters: NearestShelter[];
  outsideCounty: boolean;
}

/** `GET /api/config`: the optional raster base map (null = our own boundaries only) and domain figures. */
export interface SiteConfig {
  baseMap?: { type: 'raster'; tiles: string[]; overlay?: string[]; tileSize?: number; attribution?: string; maxzoom?: number } | null;
  riskLevels?: Record<string, { color: string; zh?: string; en?: string }>;
  perCapitaTargetM2?: number;
}

/** Properties of `GET /api/basemap/context` (neighbouring counties greyed on the base map). */
export interface ContextAreaProps {
  code: string;
  name: string;
  kind?: string;
}
