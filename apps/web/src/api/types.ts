/** Shapes of the API answers the web app reads (layer properties come from @riskmap/geo's model). */
import type { FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
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
import type { RouteAnswer, siteConfig } from '@riskmap/contract';

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
  address?: string | null;
  /** Entrance / how to get in. */
  access?: string | null;
  /** ISO time the shelter's record (its status included) last changed. */
  updatedAt?: string | null;
}
export interface NearestResult {
  shelters: NearestShelter[];
  outsideCounty: boolean;
  /** Built-but-not-open shelters were appended because no open one is near. */
  notOpenIncluded?: boolean;
}

/** `GET /api/config` (its route contract): the optional raster base map (null = our own boundaries only) and domain figures; empty until it answers. */
export type SiteConfig = Partial<RouteAnswer<typeof siteConfig>>;

/** Properties of `GET /api/basemap/context` (neighbouring counties greyed on the base map). */
export interface ContextAreaProps {
  code: string;
  name: string;
  kind?: string;
}
