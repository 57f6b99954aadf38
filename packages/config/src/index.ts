export * from './domain.js';
export { mergeDomain } from './merge-domain.js';
