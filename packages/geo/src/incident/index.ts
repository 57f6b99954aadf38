// Incident impact: zones, exposure, evacuation allocation, responders and supplies
export { incidentImpact, type ImpactZoneProps, type IncidentImpact, type IncidentImpactOptions, type IncidentLayers, type IncidentScenario } from './incident-impact.js';
export { incidentZones, type IncidentZonesOptions } from './incident-zones.js';
export { plumeHalfAngleDeg } from './plume-half-angle-deg.js';
export { zoneLocator } from './zone-locator.js';
export { zonePopulation, type AffectedVillage, type DemandPointInput, type TownshipInput, type ZonePopulationResult, type ZonePopulationRow } from './zone-population.js';
export { locateInZones, type ZoneHit } from './locate-in-zones.js';
export { classifyShelters, type SafeShelter, type ShelterClassification, type ShelterInput, type ShelterInZone } from './classify-shelters.js';
export { allocateEvacuees, type Allocation, type EvacueeAllocation, type Evacuees, type ShelterPlaces } from './allocate-evacuees.js';
export { minCostFlow, type FlowArc, type MinCostFlowResult } from './min-cost-flow.js';
export { rankFireStations, type FireStationEta, type FireStationInput } from './rank-fire-stations.js';
export { rankWarehouses, type WarehouseInput, type WarehouseReach } from './rank-warehouses.js';
export { allocationLines, type AllocationLineProps } from './allocation-lines.js';
export { featureKey } from './feature-key.js';
export { incidentTypeForSubstances } from './incident-type-for-substances.js';
export { INCIDENT_TYPES, type FeatureKey, type IncidentType, type ZoneProps } from './types.js';
