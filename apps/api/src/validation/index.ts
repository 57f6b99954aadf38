export * from './feature-schemas.js';
export * from './feature-input.js';
export { PointSchema, PolygonSchema, MultiPolygonSchema, COUNTY_TOLERANCE_M } from './geometry.js';
