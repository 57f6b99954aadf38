/**
 * Kysely table types: one interface per table, one `Database` interface.
 * Geometry columns hold PostGIS geometry (EPSG:4326); they are read through the helpers in postgis.ts.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Geometry is written with ST_GeomFromGeoJSON and read with ST_AsGeoJSON; the raw value is opaque. */
export type Geometry = ColumnType<unknown, unknown, unknown>;
export type Json<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

interface Editable {
  id: Generated<number>;
  code: string;
  name: string;
  sample: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /** Set when soft-deleted; reads exclude such rows, restore clears it. */
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AdminAreasTable extends Editable {
  level: 'county' | 'township' | 'village';
  parent_code: string | null;
  population: number;
  is_urban: Generated<boolean>;
  kind: string;
  approximate: Generated<boolean>;
  seat: Geometry | null;
  geom: Geometry;
}

export interface RiskPointsTable extends Editable {
  industry: string;
  hazard_types: Json<string[]>;
  assessment_method: 'lec' | 'matrix';
  assessment_inputs: Json<Record<string, number>>;
  score: number;
  level: number;
  method_version: string;
  assessed_at: string | null;
  assessor: string;
  direct_major_reason: string | null;
  enterprise: string;
  township_code: string | null;
  responsible_unit: string;
  responsible_person: string;
  responsible_phone: string;
  control_measures: string;
  hazard_source_code: string | null;
  geom: Geometry;
}

export interface HazardSourcesTable extends Editable {
  enterprise: string;
  township_code: string | null;
  substances: Json<unknown[]>;
  s_value: number;
  is_major: boolean;
  alpha: number | null;
  r_value: number | null;
  grade: number | null;
  people_within_500m: number | null;
  method_version: string;
  contact_person: string;
  contact_phone: string;
  boundary: Geometry | null;
  geom: Geometry;
}

export interface SheltersTable extends Editable {
  shelter_class: string;
  site_type: string;
  total_area_m2: number;
  effective_area_m2: number;
  capacity: number;
  status: string;
  suitability: Json<Record<string, boolean>>;
  facilities: Json<string[]>;
  address: string;
  access: string;
  contact_person: string;
  contact_phone: string;
  is_public: boolean;
  township_code: string | null;
  site: Geometry | null;
  geom: Geometry;
}

export interface ShelterStatusHistoryTable {
  id: Generated<number>;
  shelter_id: number;
  status: string;
  changed_at: Generated<Timestamp>;
  changed_by: string;
  note: string;
}

export interface WarehousesTable extends Editable {
  level: string;
  floor_area_m2: number;
  township_code: string | null;
  contact_person: string;
  contact_phone: string;
  geom: Geometry;
}

export interface WarehouseStockTable {
  id: Generated<number>;
  warehouse_id: number;
  item: string;
  unit: string;
  quantity: number;
  minimum: number;
}

export interface FireStationsTable extends Editable {
  station_type: string;
  vehicles: number;
  staff: number;
  turnout_minutes: number;
  township_code: string | null;
  contact_phone: string;
  geom: Geometry;
}

export interface DemandPointsTable extends Editable {
  kind: string;
  township_code: string;
  population: number;
  geom: Geometry;
}

export interface CandidateSitesTable extends Editable {
  site_type: string;
  area_m2: number;
  effective_area_m2: number;
  suitable_for: Json<string[]>;
  township_code: string | null;
  constraints: string;
  geom: Geometry;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Timestamp>;
  actor: string;
  action: 'create' | 'update' | 'delete' | 'import' | 'restore';
  layer: string;
  feature_id: number | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  /** scrypt$N$r$p$salt$hash (base64); never the password itself. */
  password_hash: string;
  /** 'public' is the anonymous role and is never stored. */
  role: 'commander' | 'planner' | 'admin';
  /** Optional township scope restricting a planner's edits to one township. */
  township_code: string | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** sha256 (hex) of the session token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface SitingScenariosTable {
  id: Generated<number>;
  name: string;
  /** lscp | mclp | p-median | p-center | shelter-gap */
  problem: string;
  /** The POST /api/siting request that produced the result. */
  params: Json<unknown>;
  result: Json<unknown>;
  created_by: string;
  created_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface ContextAreasTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  geom: Geometry;
}

export interface Database {
  context_areas: ContextAreasTable;
  admin_areas: AdminAreasTable;
  risk_points: RiskPointsTable;
  hazard_sources: HazardSourcesTable;
  shelters: SheltersTable;
  shelter_status_history: ShelterStatusHistoryTable;
  warehouses: WarehousesTable;
  warehouse_stock: WarehouseStockTable;
  fire_stations: FireStationsTable;
  demand_points: DemandPointsTable;
  candidate_sites: CandidateSitesTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  sessions: SessionsTable;
  siting_scenarios: SitingScenariosTable;
}

export type AdminArea = Selectable<AdminAreasTable>;
export type NewAdminArea = Insertable<AdminAreasTable>;
export type AdminAreaUpdate = Updateable<AdminAreasTable>;
export type Shelter = Selectable<SheltersTable>;
export type NewShelter = Insertable<SheltersTable>;
export type ShelterUpdate = Updateable<SheltersTable>;
export type RiskPoint = Selectable<RiskPointsTable>;
export type NewRiskPoint = Insertable<RiskPointsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SitingScenarioRow = Selectable<SitingScenariosTable>;
