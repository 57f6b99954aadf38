export * from './model.js';
export { InputError } from './input-error.js';
export * from './analytics/index.js';
export * from './siting/index.js';
export * from './incident/index.js';
export * from './crs/index.js';
export * from './consequence/index.js';
