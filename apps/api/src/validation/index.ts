export { LAYER_SCHEMAS, createFeatureSchema, patchFeatureSchema, type LayerSchema, PointSchema, PolygonSchema, MultiPolygonSchema } from '@riskmap/contract';
export * from './feature-input.js';
