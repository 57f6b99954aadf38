/** The `POST /api/siting` body lives in the route contract (@riskmap/contract); re-exported for the siting modules. */
export { SitingRequest } from '@riskmap/contract';
