import type { LayerId } from '@riskmap/geo';
import type { Database } from '../schema.js';

export interface LayerDescriptor {
  id: LayerId;
  table: keyof Database & string;
  title: { zh: string; en: string };
  geometryType: 'Point' | 'MultiPolygon' | 'Geometry';
  /** Non-geometry columns returned as properties (snake_case; properties are their camelCase). */
  columns: readonly string[];
  /** jsonb columns: written as JSON text. */
  jsonColumns: readonly string[];
  /** Secondary geometry columns returned as GeoJSON properties. */
  geometryColumns: readonly string[];
  /** Fixed filter for layers that are a slice of a table (townships = admin_areas of level township). */
  where?: { column: string; value: string };
  /** Properties anyone may see (the public role); others are restricted. */
  publicColumns: readonly string[] | 'none';
}

const BASE = ['id', 'code', 'name', 'sample', 'version', 'created_at', 'updated_at'] as const;

export const LAYERS: Record<LayerId, LayerDescriptor> = {
  townships: {
    id: 'townships',
    table: 'admin_areas',
    title: { zh: '乡镇（街道）', en: 'Townships' },
    geometryType: 'MultiPolygon',
    columns: [...BASE, 'level', 'parent_code', 'population', 'is_urban', 'kind', 'approximate'],
    jsonColumns: [],
    geometryColumns: ['seat'],
    where: { column: 'level', value: 'township' },
    publicColumns: ['id', 'code', 'name', 'sample', 'level', 'parent_code', 'population', 'is_urban', 'kind', 'approximate', 'seat'],
  },
  'risk-points': {
    id: 'risk-points',
    table: 'risk_points',
    title: { zh: '风险点', en: 'Risk points' },
    geometryType: 'Geometry',
    columns: [
      ...BASE, 'industry', 'hazard_types', 'assessment_method', 'assessment_inputs', 'score', 'level', 'method_version',
      'assessed_at', 'assessor', 'direct_major_reason', 'enterprise', 'township_code', 'responsible_unit',
      'responsible_person', 'responsible_phone', 'control_measures', 'hazard_source_code',
    ],
    jsonColumns: ['hazard_types', 'assessment_inputs'],
    geometryColumns: [],
    publicColumns: 'none',
  },
  'hazard-sources': {
    id: 'hazard-sources',
    table: 'hazard_sources',
    title: { zh: '危险源', en: 'Hazard sources' },
    geometryType: 'Point',
    columns: [
      ...BASE, 'enterprise', 'township_code', 'substances', 's_value', 'is_major', 'alpha', 'r_value', 'grade',
      'people_within_500m', 'method_version', 'contact_person', 'contact_phone',
    ],
    jsonColumns: ['substances'],
    geometryColumns: ['boundary'],
    publicColumns: 'none',
  },
  shelters: {
    id: 'shelters',
    table: 'shelters',
    title: { zh: '应急避难场所', en: 'Emergency shelters' },
    geometryType: 'Point',
    columns: [
      ...BASE, 'shelter_class', 'site_type', 'total_area_m2', 'effective_area_m2', 'capacity', 'status', 'suitability',
      'facilities', 'address', 'access', 'contact_person', 'contact_phone', 'is_public', 'township_code',
    ],
    jsonColumns: ['suitability', 'facilities'],
    geometryColumns: ['site'],
    publicColumns: [
      'id', 'code', 'name', 'sample', 'shelter_class', 'site_type', 'effective_area_m2', 'capacity', 'status',
      'suitability', 'facilities', 'address', 'access', 'township_code', 'updated_at',
    ],
  },
  warehouses: {
    id: 'warehouses',
    table: 'warehouses',
    title: { zh: '应急物资储备库', en: 'Supply warehouses' },
    geometryType: 'Point',
    columns: [...BASE, 'level', 'floor_area_m2', 'township_code', 'contact_person', 'contact_phone'],
    jsonColumns: [],
    geometryColumns: [],
    publicColumns: 'none',
  },
  'fire-stations': {
    id: 'fire-stations',
    table: 'fire_stations',
    title: { zh: '消防站', en: 'Fire stations' },
    geometryType: 'Point',
    columns: [...BASE, 'station_type', 'vehicles', 'staff', 'turnout_minutes', 'township_code', 'contact_phone'],
    jsonColumns: [],
    geometryColumns: [],
    publicColumns: ['id', 'code', 'name', 'sample', 'station_type', 'township_code'],
  },
  'demand-points': {
    id: 'demand-points',
    table: 'demand_points',
    title: { zh: '村庄/社区（需求点）', en: 'Villages and communities' },
    geometryType: 'Point',
    columns: [...BASE, 'kind', 'township_code', 'population'],
    jsonColumns: [],
    geometryColumns: [],
    publicColumns: ['id', 'code', 'name', 'sample', 'kind', 'township_code'],
  },
  'candidate-sites': {
    id: 'candidate-sites',
    table: 'candidate_sites',
    title: { zh: '备选用地', en: 'Candidate sites' },
    geometryType: 'Point',
    columns: [...BASE, 'site_type', 'area_m2', 'effective_area_m2', 'suitable_for', 'township_code', 'constraints'],
    jsonColumns: ['suitable_for'],
    geometryColumns: [],
    publicColumns: 'none',
  },
  // 隐患台账: signed-in roles only; status moves only through /api/hidden-hazards/:id/steps.
  'hidden-hazards': {
    id: 'hidden-hazards',
    table: 'hidden_hazards',
    title: { zh: '隐患', en: 'Hidden hazards' },
    geometryType: 'Point',
    columns: [
      ...BASE, 'risk_point_code', 'hazard_source_code', 'enterprise', 'place', 'township_code', 'category', 'grade',
      'discovery_source', 'finder', 'found_on', 'description', 'responsible_unit', 'responsible_person', 'measures',
      'funds_yuan', 'deadline', 'contingency_plan', 'status', 'supervised', 'closed_on',
    ],
    jsonColumns: [],
    geometryColumns: [],
    publicColumns: 'none',
  },
};

/** The descriptor of a layer id, or undefined for an unknown id. */
export function layerDescriptor(id: string): LayerDescriptor | undefined {
  return Object.hasOwn(LAYERS, id) ? LAYERS[id as LayerId] : undefined;
}
