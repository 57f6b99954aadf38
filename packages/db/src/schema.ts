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
  /** Feature changes, and on layer `users`: user changes, the start-up admin rotation and login unlocks. */
  action: 'create' | 'update' | 'delete' | 'import' | 'restore' | 'user_create' | 'user_update' | 'admin_rotate' | 'login_unlock';
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

export interface LoginThrottleTable {
  /** The username tried ('' for the per-address row). */
  username: string;
  address: string;
  failures: Generated<number>;
  first_failure_at: Timestamp;
  last_failure_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface SessionsTable {
  /** sha256 (hex) of the session token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<number>;
  /** sha256 (hex) of the key; the key itself is shown once and never stored. */
  key_hash: string;
  /** The key's first characters, shown in lists so a user can tell keys apart. */
  prefix: string;
  name: string;
  user_id: number;
  /** read | read-write */
  scope: 'read' | 'read-write';
  created_by: number | null;
  created_at: Generated<Timestamp>;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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
  /** The stored siting run the scenario was saved from, when it still exists. */
  run_id: Generated<string | null>;
}

export interface ContextAreasTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  geom: Geometry;
}

/** One committed change to a layer row (written by a trigger; see migration 20261213_090000_change_log). */
export interface ChangesTable {
  id: Generated<number>;
  /** The position among changes the public may see (null for hidden ones). */
  public_seq: number | null;
  layer: string;
  feature_id: number | null;
  action: 'create' | 'update' | 'delete' | 'restore';
  version: number | null;
  public: boolean;
  actor: string | null;
  at: Generated<Timestamp>;
}

/** The one row saying how far the change table was pruned (ids and public positions at or below are gone). */
export interface ChangeRetentionTable {
  id: Generated<number>;
  pruned_through: Generated<number>;
  public_pruned_through: Generated<number>;
  pruned_rows: Generated<number>;
  pruned_at: Timestamp | null;
}

/** A siting run: its request, its state and its answer; claimed by one worker process at a time. */
export interface SitingRunsTable {
  id: string;
  problem: string;
  request: Json<unknown>;
  owner: string;
  status: Generated<'queued' | 'running' | 'done' | 'failed' | 'cancelled'>;
  progress: Generated<number>;
  time_limit_ms: number;
  result: Json<unknown> | null;
  error: Json<unknown> | null;
  worker: string | null;
  cancel_requested: Generated<boolean>;
  created_at: Generated<Timestamp>;
  started_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
}

/** An import job (`?job=` of an upload): its phase and progress, the cancel request, and the process doing it. */
export interface ImportJobsTable {
  id: string;
  owner: string;
  layer: string;
  dry_run: boolean;
  phase: Generated<'reading' | 'checking' | 'writing' | 'committing' | 'done' | 'cancelled' | 'failed'>;
  done: Generated<number>;
  total: Generated<number>;
  cancel_requested: Generated<boolean>;
  worker: string;
  result: Json<unknown> | null;
  error: Json<unknown> | null;
  created_at: Generated<Timestamp>;
  heartbeat_at: Generated<Timestamp>;
  finished_at: Timestamp | null;
}

/** 隐患台账: one hidden hazard with its five 到位 fields (责任单位/人, 措施, 资金, 时限, 应急预案) and flow status. */
export interface HiddenHazardsTable extends Editable {
  risk_point_code: string | null;
  hazard_source_code: string | null;
  enterprise: string;
  place: string;
  township_code: string | null;
  category: string;
  grade: 'general' | 'major';
  discovery_source: string;
  finder: string;
  found_on: string;
  description: string;
  responsible_unit: string;
  responsible_person: string;
  measures: string;
  funds_yuan: number | null;
  deadline: string | null;
  contingency_plan: string;
  status: string;
  supervised: Generated<boolean>;
  closed_on: string | null;
  geom: Geometry;
}

export interface HiddenHazardStepsTable {
  id: Generated<number>;
  hazard_id: number;
  step: string;
  from_status: string;
  to_status: string;
  on_date: string;
  note: string;
  actor: string;
  role: string;
  at: Generated<Timestamp>;
}

export interface HiddenHazardAttachmentsTable {
  id: Generated<number>;
  hazard_id: number;
  step_id: number | null;
  filename: string;
  media_type: string;
  size_bytes: number;
  data: Uint8Array;
  uploaded_by: string;
  uploaded_at: Generated<Timestamp>;
}

/** A plan indicator's value for one year, entered by an administrator with its source. */
export interface PlanIndicatorValuesTable {
  id: Generated<number>;
  indicator_key: string;
  year: number;
  value: number;
  source: string;
  note: string;
  sample: Generated<boolean>;
  version: Generated<number>;
  entered_by: string;
  entered_at: Generated<Timestamp>;
}

export interface Database {
  changes: ChangesTable;
  change_retention: ChangeRetentionTable;
  siting_runs: SitingRunsTable;
  import_jobs: ImportJobsTable;
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
  login_throttle: LoginThrottleTable;
  api_keys: ApiKeysTable;
  siting_scenarios: SitingScenariosTable;
  hidden_hazards: HiddenHazardsTable;
  hidden_hazard_steps: HiddenHazardStepsTable;
  hidden_hazard_attachments: HiddenHazardAttachmentsTable;
  plan_indicator_values: PlanIndicatorValuesTable;
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
