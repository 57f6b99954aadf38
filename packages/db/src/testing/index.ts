export { testBackends, openTestDatabase, type TestDatabase } from './open-test-database.js';
export { default as globalSetup } from './global-setup.js';
