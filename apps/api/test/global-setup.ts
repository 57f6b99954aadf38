export { default } from '@riskmap/db/testing/global-setup';
