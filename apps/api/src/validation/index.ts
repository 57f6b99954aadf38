export * from './feature-schemas.js';
export * from './feature-input.js';
export { PointSchema, PolygonSchema, MultiPolygonSchema } from './geometry.js';
