/** The incident tool's request and answer: the contract of `POST /api/incidents/impact` (packages/contract/src/routes/incidents.ts). */
import type { IncidentImpactAnswer, IncidentImpactRequest } from '@riskmap/contract';

export { INCIDENT_TYPES, type IncidentType } from '@riskmap/contract';
export type Impact = IncidentImpactAnswer;
export type ImpactRequest = IncidentImpactRequest;
/** One impact zone's properties. */
export type ZoneProps = Impact['zones']['features'][number]['properties'];
/** How the zones were sized (consequence model, its thresholds and source). */
export type ZoneModel = Impact['consequence'];
