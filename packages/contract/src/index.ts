/** @riskmap/contract: the domain vocabulary shared by the API, the web app, the import and the database. */
export * from './enumeration.js';
export * from './enums-facilities.js';
export * from './enums-risk.js';
export * from './enums.js';
export * from './field.js';
export * from './fields-common.js';
export * from './fields.js';
export * from './lookup.js';
export * from './enums-hidden-hazards.js';
export * from './fields-hidden-hazards.js';
export * from './http/route.js';
export * from './http/error-codes.js';
export * from './http/import-file-errors.js';
export * from './http/query-number.js';
export * from './routes/index.js';
export * from './http/reading-params.js';
export * from './features/index.js';
