/**
 * Domain defaults: every threshold the platform uses, with its source (see DOMAIN.md in the docs).
 * Nothing here is a buried literal: sites override any of it through the JSON file named by
 * RISKMAP_CONFIG, and functions in @riskmap/geo take these tables as parameters.
 */

/** Risk levels, 1 = highest (重大) … 4 = lowest (低). */
export type RiskLevel = 1 | 2 | 3 | 4;

export interface Band {
  /** Level assigned when the score is strictly greater than `above` (first matching band wins, ordered high → low). */
  level: RiskLevel;
  above: number;
}

export interface DomainConfig {
  riskLevels: Record<RiskLevel, { key: 'major' | 'large' | 'general' | 'low'; zh: string; en: string; color: string; weight: number }>;
  lec: {
    methodVersion: string;
    L: number[];
    E: number[];
    C: number[];
    /** D = L×E×C; D > 320 red, 160–320 orange, 70–160 yellow, ≤ 70 blue. */
    bands: Band[];
  };
  matrix: {
    methodVersion: string;
    L: number[];
    S: number[];
    /** R = L×S on 1–5 × 1–5: ≥ 20 red, 10–16 orange, 4–9 yellow, 1–3 blue. */
    bands: Band[];
  };
  gb18218: {
    methodVersion: string;
    /** α by the number of people within `alphaRadiusM` of the plant boundary: first row whose `minPeople` ≤ n. */
    alpha: { minPeople: number; alpha: number }[];
    alphaRadiusM: number;
    /** β by substance category; toxic gases carry their own β per substance. */
    beta: Record<string, number>;
    toxicGasBeta: Record<string, number>;
    /** R ≥ 100 一级, 50–100 二级, 10–50 三级, < 10 四级. */
    gradeBands: { grade: 1 | 2 | 3 | 4; minR: number }[];
  };
  shelters: {
    /** The plan's indicator: m² of effective shelter area per resident. */
    perCapitaTargetM2: number;
    /** A fixed shelter holds at least this share of its zone's population. */
    capacityShare: number;
    /** Statuses that count as usable for per-capita figures and the public finder. */
    usableStatuses: string[];
    classes: Record<string, { zh: string; en: string; perCapitaM2: number; radiusM: number; minSiteAreaM2: number }>;
    /** Walking speed used for walking times (m/min); 500 m ≈ 10 min for older people. */
    walkingSpeedMPerMin: number;
    safetyDistanceM: { secondaryFire: number; flammablePlant: number };
  };
  fireStations: {
    responseMinutes: number;
    turnoutMinutes: number;
    speedKmh: { urban: number; rural: number };
    detourFactor: number;
    districtMaxKm2: Record<string, number>;
    hazardousSiteDistanceM: number;
    crowdedPlaceExitDistanceM: number;
  };
  /**
   * Warehouse reach (planning defaults, configurable): a warehouse covers a demand point when the
   * driving time (geodesic metres × detourFactor at speedKmh) is within its level's reachMinutes.
   */
  warehouses: {
    reachMinutes: Record<'county' | 'township' | 'park', number>;
    speedKmh: number;
    detourFactor: number;
  };
  /** Edits and imports: how far outside the county boundary (m) a feature may lie (boundaries are approximate; stations serve across them). */
  geometry: { countyToleranceM: number };
  emap: {
    minCellM: number;
    maxCellM: number;
    defaultCellM: number;
    kernelBandwidthM: number;
    /**
     * Bands of the weighted index (Σ level weights ÷ area in km²), high → low. The index depends on the
     * area's size: tune these to the unit mapped (townships vs small grid cells).
     */
    weightedBands: Band[];
  };
  nearest: { maxK: number; defaultK: number; farFromCountyM: number };
  incident: IncidentConfig;
}

export type IncidentType = 'toxic-release' | 'fire' | 'explosion';

/** Incident what-if (command centre): zone radii per scenario type, the release plume, and list sizes. */
export interface IncidentConfig {
  /** Nested zones per type, inner → outer; radii strictly increasing (m). */
  zones: Record<IncidentType, { key: string; radiusM: number }[]>;
  /** Zones whose residents are evacuated to shelters; the others shelter in place. */
  evacuateZones: string[];
  plume: {
    /** Below this wind speed (m/s) the direction is meaningless: every zone is a circle. */
    calmWindMs: number;
    /** Half-angle of the downwind sector by wind speed: first row (ordered high → low) whose minWindMs ≤ speed. */
    halfAngleDeg: { minWindMs: number; halfAngleDeg: number }[];
  };
  /** Shelter suitability flag a safe shelter must have per type (null: any). */
  shelterSuitability: Record<IncidentType, 'earthquake' | 'flood' | 'fire' | 'hazmat' | null>;
  /** Largest radius a request may ask for (m). */
  maxRadiusM: number;
  nearestSafeShelters: number;
  nearestFireStations: number;
  nearestWarehouses: number;
}

export const domainDefaults: DomainConfig = {
  riskLevels: {
    1: { key: 'major', zh: '重大风险', en: 'Major', color: '#d7191c', weight: 8 },
    2: { key: 'large', zh: '较大风险', en: 'Significant', color: '#f07c1b', weight: 4 },
    3: { key: 'general', zh: '一般风险', en: 'General', color: '#f5d327', weight: 2 },
    4: { key: 'low', zh: '低风险', en: 'Low', color: '#2c7bb6', weight: 1 },
  },
  lec: {
    methodVersion: 'LEC-2024.1',
    L: [10, 6, 3, 1, 0.5, 0.2, 0.1],
    E: [10, 6, 3, 2, 1, 0.5],
    C: [100, 40, 15, 7, 3, 1],
    bands: [
      { level: 1, above: 320 },
      { level: 2, above: 160 },
      { level: 3, above: 70 },
      { level: 4, above: -Infinity },
    ],
  },
  matrix: {
    methodVersion: 'LS-2024.1',
    L: [1, 2, 3, 4, 5],
    S: [1, 2, 3, 4, 5],
    bands: [
      { level: 1, above: 19 },
      { level: 2, above: 9 },
      { level: 3, above: 3 },
      { level: 4, above: -Infinity },
    ],
  },
  gb18218: {
    methodVersion: 'GB18218-2018',
    alpha: [
      { minPeople: 100, alpha: 2.0 },
      { minPeople: 50, alpha: 1.5 },
      { minPeople: 30, alpha: 1.2 },
      { minPeople: 1, alpha: 1.0 },
      { minPeople: 0, alpha: 0.5 },
    ],
    alphaRadiusM: 500,
    beta: { explosive: 2, 'flammable-gas': 1.5, 'toxic-gas': 2, other: 1 },
    toxicGasBeta: { CO: 2, SO2: 2, NH3: 2, HCl: 3, Cl2: 4, H2S: 5, HF: 5, NO2: 10, HCN: 10, COCl2: 20, PH3: 20 },
    gradeBands: [
      { grade: 1, minR: 100 },
      { grade: 2, minR: 50 },
      { grade: 3, minR: 10 },
      { grade: 4, minR: -Infinity },
    ],
  },
  shelters: {
    perCapitaTargetM2: 2.5,
    capacityShare: 0.15,
    usableStatuses: ['built', 'open'],
    classes: {
      emergency: { zh: '紧急避难场所', en: 'Emergency', perCapitaM2: 0.5, radiusM: 500, minSiteAreaM2: 1_000 },
      'short-term': { zh: '短期固定避难场所', en: 'Fixed, short-term', perCapitaM2: 2.0, radiusM: 1_000, minSiteAreaM2: 2_000 },
      'medium-term': { zh: '中期固定避难场所', en: 'Fixed, medium-term', perCapitaM2: 3.0, radiusM: 1_500, minSiteAreaM2: 10_000 },
      'long-term': { zh: '长期固定避难场所', en: 'Fixed, long-term', perCapitaM2: 4.5, radiusM: 2_500, minSiteAreaM2: 10_000 },
      central: { zh: '中心避难场所', en: 'Central', perCapitaM2: 4.5, radiusM: 2_500, minSiteAreaM2: 500_000 },
    },
    walkingSpeedMPerMin: 50,
    safetyDistanceM: { secondaryFire: 30, flammablePlant: 1_000 },
  },
  fireStations: {
    responseMinutes: 5,
    turnoutMinutes: 1,
    speedKmh: { urban: 30, rural: 45 },
    detourFactor: 1.3,
    districtMaxKm2: { 'class-1': 7, 'class-2': 4, small: 2, fringe: 15 },
    hazardousSiteDistanceM: 300,
    crowdedPlaceExitDistanceM: 50,
  },
  // Planning defaults, not a standard: set per county. Speed and detour follow fireStations (rural).
  warehouses: {
    reachMinutes: { county: 60, township: 30, park: 20 },
    speedKmh: 45,
    detourFactor: 1.3,
  },
  geometry: { countyToleranceM: 1_000 },
  emap: {
    minCellM: 100,
    maxCellM: 5_000,
    defaultCellM: 500,
    kernelBandwidthM: 1_000,
    weightedBands: [
      { level: 1, above: 8 },
      { level: 2, above: 4 },
      { level: 3, above: 2 },
      { level: 4, above: -Infinity },
    ],
  },
  nearest: { maxK: 50, defaultK: 3, farFromCountyM: 20_000 },
  incident: {
    // Unconfirmed placeholders (ERG-style isolation / protective-action distances); set per substance per site.
    zones: {
      'toxic-release': [{ key: 'severe', radiusM: 300 }, { key: 'evacuate', radiusM: 1_500 }, { key: 'shelter-in-place', radiusM: 5_000 }],
      fire: [{ key: 'severe', radiusM: 100 }, { key: 'evacuate', radiusM: 300 }, { key: 'shelter-in-place', radiusM: 1_000 }],
      explosion: [{ key: 'severe', radiusM: 300 }, { key: 'evacuate', radiusM: 1_000 }, { key: 'shelter-in-place', radiusM: 2_000 }],
    },
    evacuateZones: ['severe', 'evacuate'],
    plume: {
      calmWindMs: 0.5,
      halfAngleDeg: [{ minWindMs: 5, halfAngleDeg: 22.5 }, { minWindMs: 2, halfAngleDeg: 30 }, { minWindMs: 0, halfAngleDeg: 45 }],
    },
    shelterSuitability: { 'toxic-release': 'hazmat', fire: 'fire', explosion: 'fire' },
    maxRadiusM: 50_000,
    nearestSafeShelters: 10,
    nearestFireStations: 5,
    nearestWarehouses: 5,
  },
};
