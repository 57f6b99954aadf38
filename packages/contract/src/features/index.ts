/** The per-layer feature schemas: properties, geometry, create/change bodies and stored features. */
export * from './storable.js';
export * from './geometry.js';
export * from './layer-props.js';
export * from './layer-schemas.js';
export * from './cross-field.js';
export * from './property-json-schema.js';
