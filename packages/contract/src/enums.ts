/** Every enumerated vocabulary by id: the import maps values through these, the forms list them, the database checks them. */
import type { Enumeration } from './enumeration.js';
import { AdminLevels, CandidateUses, DemandPointKinds, Layers, ShelterClasses, ShelterFacilities, ShelterStatuses, ShelterSuitability, SiteTypes, StationTypes, TownshipKinds, WarehouseLevels } from './enums-facilities.js';
import { DiscoverySources, HazardCategories, HazardStatuses, HiddenHazardGrades } from './enums-hidden-hazards.js';
import { AccidentTypes, AssessmentMethods, Booleans, HazardGrades, IncidentTypes, Industries, RiskLevels, SubstanceCategories } from './enums-risk.js';

export const ENUMERATIONS = {
  layers: Layers,
  shelterClasses: ShelterClasses,
  siteTypes: SiteTypes,
  shelterStatuses: ShelterStatuses,
  shelterSuitability: ShelterSuitability,
  shelterFacilities: ShelterFacilities,
  stationTypes: StationTypes,
  warehouseLevels: WarehouseLevels,
  demandPointKinds: DemandPointKinds,
  candidateUses: CandidateUses,
  townshipKinds: TownshipKinds,
  adminLevels: AdminLevels,
  riskLevels: RiskLevels,
  industries: Industries,
  assessmentMethods: AssessmentMethods,
  substanceCategories: SubstanceCategories,
  hazardGrades: HazardGrades,
  accidentTypes: AccidentTypes,
  incidentTypes: IncidentTypes,
  booleans: Booleans,
  hazardCategories: HazardCategories,
  hiddenHazardGrades: HiddenHazardGrades,
  discoverySources: DiscoverySources,
  hazardStatuses: HazardStatuses,
} as const satisfies Record<string, Enumeration<string> | Enumeration<number>>;

export type EnumId = keyof typeof ENUMERATIONS;

/** The enumeration of an id, loosely typed (for code that walks all of them). */
export function enumeration(id: EnumId): Enumeration<string | number> {
  return ENUMERATIONS[id] as unknown as Enumeration<string | number>;
}
