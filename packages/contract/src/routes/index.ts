import type { RouteContract } from '../http/route.js';
import { sheltersNearest } from './shelters.js';
import { API_KEY_ROUTES } from './api-keys.js';
import { AUDIT_ROUTES } from './audit.js';
import { AUTH_ROUTES } from './auth.js';
import { EDIT_ROUTES } from './edit-features.js';
import { EVENT_ROUTES } from './events.js';
import { EXPORT_ROUTES } from './exports.js';
import { IMPORT_ROUTES } from './imports.js';
import { LAYER_ROUTES } from './layers.js';
import { SYSTEM_ROUTES } from './system.js';
import { USER_ROUTES } from './users.js';
import { ANALYTICS_ROUTES } from './analytics.js';
import { SITING_ROUTES } from './siting.js';
import { INCIDENT_ROUTES } from './incidents.js';
import { HIDDEN_HAZARD_ROUTES } from './hidden-hazards.js';
import { PLAN_INDICATOR_ROUTES } from './plan-indicators.js';
import { OGC_ROUTES } from './ogc.js';
import { TILE_ROUTES } from './tiles.js';

export * from './shelters.js';
export * from './common.js';
export * from './tags.js';
export * from './api-keys.js';
export * from './audit.js';
export * from './auth.js';
export * from './edit-features.js';
export * from './events.js';
export * from './exports.js';
export * from './imports.js';
export * from './layers.js';
export * from './system.js';
export * from './users.js';
export * from './shared-answers.js';
export * from './analytics.js';
export * from './siting-request.js';
export * from './siting.js';
export * from './incidents.js';
export * from './hidden-hazards.js';
export * from './plan-indicators.js';
export * from './ogc.js';
export * from './tiles.js';

/** Every route of the API, the one list the app mounts, the OpenAPI document describes and the route × role walk calls. */
export const ROUTES: readonly RouteContract[] = [
  sheltersNearest,
  ...AUTH_ROUTES,
  ...USER_ROUTES,
  ...API_KEY_ROUTES,
  ...LAYER_ROUTES,
  ...EDIT_ROUTES,
  ...AUDIT_ROUTES,
  ...EVENT_ROUTES,
  ...SYSTEM_ROUTES,
  ...IMPORT_ROUTES,
  ...EXPORT_ROUTES,
  ...ANALYTICS_ROUTES,
  ...SITING_ROUTES,
  ...INCIDENT_ROUTES,
  ...HIDDEN_HAZARD_ROUTES,
  ...PLAN_INDICATOR_ROUTES,
  ...OGC_ROUTES,
  ...TILE_ROUTES,
];
