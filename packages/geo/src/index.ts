export * from './model.js';
export { InputError } from './input-error.js';
export * from './analytics/index.js';
export * from './siting/index.js';
export * from './incident/index.js';
