export * from './domain.js';
export { mergeDomain, DomainConfigError } from './merge-domain.js';
export { passwordProblem, MIN_PASSWORD_LENGTH } from './password-policy.js';
export * from './hidden-hazards.js';
export * from './indicators.js';
