/**
 * Domain defaults: every threshold the platform uses, with its source: docs/README.md lists the files
 * (docs/shelters.md, docs/fire-stations.md, docs/risk-grading.md, docs/coverage-model.md,
 * docs/incident-zones.md, docs/siting-safety-distances.md).
 * Nothing here is a buried literal: sites override any of it through the JSON file named by
 * RISKMAP_CONFIG, and functions in @riskmap/geo take these tables as parameters.
 */

import { hiddenHazardsDefaults, type HiddenHazardsConfig } from './hidden-hazards.js';
import { indicatorsDefaults, type IndicatorsConfig } from './indicators.js';

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
    /**
     * Walking route ÷ straight line for shelter reach (class radius or walking time). GB 51143's service
     * radius is a straight-line radius, so the default is 1; set > 1 to count walking detours.
     */
    walkingDetourFactor: number;
    /** Class whose radius a new (candidate) shelter is given in siting when no radius is asked for. */
    newSiteClass: string;
    safetyDistanceM: { secondaryFire: number; flammablePlant: number };
    /**
     * Planning check, not a standard: a shelter whose effective area per person of its stated capacity
     * is below this (m²/person), or below its class's perCapitaM2, is flagged as implausible.
     */
    plausibleMinM2PerPerson?: number;
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
  geometry: {
    countyToleranceM: number;
    /** How far outside a township's outline (m) a feature still counts as in it: township scope and the townshipCode check (outlines are approximate). */
    townshipToleranceM: number;
  };
  emap: {
    minCellM: number;
    maxCellM: number;
    defaultCellM: number;
    /** The finest grid cell and kernel bandwidth (m) anonymous callers get: coarse enough that no cell places a single restricted risk point. */
    publicMinCellM: number;
    kernelBandwidthM: number;
    /**
     * Bands of the weighted index (Σ level weights ÷ area in km²), high → low. The index depends on the
     * area's size: tune these to the unit mapped (townships vs small grid cells).
     */
    weightedBands: Band[];
  };
  nearest: { maxK: number; defaultK: number; farFromCountyM: number };
  /** Risk-weighted demand (coverage page and siting): population × the level weight of the highest risk point within radiusM (1 when none). */
  riskWeighting: { radiusM: number };
  incident: IncidentConfig;
  hiddenHazards: HiddenHazardsConfig;
  indicators: IndicatorsConfig;
}

export type IncidentType = 'toxic-release' | 'fire' | 'explosion';

/** Incident impact (command centre): zone radii per scenario type, the release plume, and list sizes. */
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
  /** Consequence models giving the zones from substance, quantity and scenario (docs/incident-zones.md). */
  consequence: ConsequenceConfig;
}

/** Toxic substance data: molar mass (g/mol), ERPG-1/2/3 (ppm) and its ERG 2024 rows (Table 1, or Table 3 for large spills). */
export interface ToxicSubstance {
  zh: string;
  en: string;
  un: string;
  molarMass: number;
  /** AIHA ERPG-1, -2, -3 (ppm): the shelter-in-place, evacuate and severe zone endpoints. */
  erpgPpm: [number, number, number];
  /** Where the three ERPG values were checked (docs/incident-zones.md), or null while they are not: the brief then says so. */
  erpgChecked: string | null;
  /** ERG 2024: initial isolation (m) and protective-action distance day / night (km), small and large spills. */
  erg: { small: [number, number, number]; large: [number, number, number]; /** Where the large-spill row comes from (Table 1, or Table 3's container and wind). */ largeFrom: string };
}

export interface ConsequenceConfig {
  toxic: {
    method: string;
    source: string;
    ergSource: string;
    /** Worst-case release: the whole inventory released at a constant rate over this time (min). */
    releaseMinutes: number;
    /** Share of the inventory that becomes airborne (1 = all of it, the worst case). */
    airborneFraction: number;
    /** Weather for the plume: Pasquill–Gifford class and wind speed at 10 m (m/s). */
    stability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
    windSpeedMs: number;
    substances: Record<string, ToxicSubstance>;
  };
  explosion: {
    method: string;
    source: string;
    /** TNT equivalence: W = yield × mass × heat of combustion ÷ tntMjPerKg. */
    yieldFactor: number;
    tntMjPerKg: number;
    /** Overpressure (kPa) at the outer edge of the severe, evacuate and shelter-in-place zones. */
    overpressureKpa: [number, number, number];
    /** Heat of combustion (MJ/kg) by substance name or formula. */
    heatOfCombustionMjPerKg: Record<string, number>;
    defaultHeatOfCombustionMjPerKg: number;
  };
  thermal: {
    method: string;
    source: string;
    /** Radiation (kW/m²) at the outer edge of the severe, evacuate and shelter-in-place zones. */
    fluxKwPerM2: [number, number, number];
    /** Fireball surface emissive power (kW/m²). */
    fireballSepKwPerM2: number;
    /** Atmospheric transmissivity τ = 2.02 (Pw·x)^−0.09 with Pw the water vapour partial pressure (Pa). */
    waterVapourPa: number;
    /** Pool fire (point source): burning rate (kg/m²/s), radiative fraction, pool diameter (m). */
    pool: { burningRateKgPerM2S: Record<string, number>; defaultBurningRateKgPerM2S: number; radiativeFraction: number; diameterM: number };
  };
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
    walkingDetourFactor: 1,
    newSiteClass: 'short-term',
    safetyDistanceM: { secondaryFire: 30, flammablePlant: 1_000 },
    // About the floor space one person needs to sit or lie; below it the stated capacity cannot be held.
    plausibleMinM2PerPerson: 1,
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
  geometry: { countyToleranceM: 1_000, townshipToleranceM: 100 },
  emap: {
    minCellM: 100,
    maxCellM: 5_000,
    defaultCellM: 500,
    publicMinCellM: 1_000,
    kernelBandwidthM: 1_000,
    weightedBands: [
      { level: 1, above: 8 },
      { level: 2, above: 4 },
      { level: 3, above: 2 },
      { level: 4, above: -Infinity },
    ],
  },
  nearest: { maxK: 50, defaultK: 3, farFromCountyM: 20_000 },
  // Planning default, not a standard (docs/coverage-model.md).
  riskWeighting: { radiusM: 1_000 },
  incident: {
    // Generic placeholders, used only when no substance and quantity are known (docs/incident-zones.md).
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
    // Sources and the status of every figure: docs/incident-zones.md.
    consequence: {
      toxic: {
        method: 'gaussian-plume-erpg',
        source: 'Gaussian plume, Briggs rural σ (Briggs 1973, as in the EPA RMP Offsite Consequence Analysis Guidance, 2009); endpoints AIHA ERPG-1/2/3',
        ergSource: 'Emergency Response Guidebook 2024 (PHMSA / Transport Canada / SCT), Table 1 and Table 3, as transcribed in github.com/Wen398/Chemical-Accident-Emergency-Response-RAG-System (docs/incident-zones.md)',
        // The whole inventory over 60 min (the ERPG exposure period), neutral D at 3 m/s (the RMP guidance's alternative-scenario weather).
        releaseMinutes: 60,
        airborneFraction: 1,
        stability: 'D',
        windSpeedMs: 3,
        substances: {
          // ERG 2024 Table 1 small spills; large spills from Table 1 (H₂S) or Table 3, highway tank truck or trailer, moderate wind 10–20 km/h (the model's 3 m/s).
          NH3: { zh: '氨', en: 'Ammonia', un: '1005', molarMass: 17.03, erpgPpm: [25, 150, 750], erpgChecked: null, erg: { small: [30, 0.1, 0.2], large: [150, 0.5, 0.7], largeFrom: 'Table 3, highway tank truck or trailer, moderate wind' } },
          Cl2: { zh: '氯', en: 'Chlorine', un: '1017', molarMass: 70.9, erpgPpm: [1, 3, 20], erpgChecked: null, erg: { small: [60, 0.3, 1.5], large: [600, 3.3, 4.7], largeFrom: 'Table 3, highway tank truck or trailer, moderate wind' } },
          SO2: { zh: '二氧化硫', en: 'Sulfur dioxide', un: '1079', molarMass: 64.07, erpgPpm: [0.3, 3, 15], erpgChecked: null, erg: { small: [100, 0.6, 2.6], large: [1000, 6.0, 7.9], largeFrom: 'Table 3, highway tank truck or trailer, moderate wind' } },
          HCl: { zh: '氯化氢', en: 'Hydrogen chloride', un: '1050', molarMass: 36.46, erpgPpm: [3, 20, 150], erpgChecked: 'IVHHN hydrogen chloride guidelines, citing the AIHA ERPG set', erg: { small: [30, 0.1, 0.3], large: [200, 0.8, 1.5], largeFrom: 'Table 3, highway tank truck or trailer, moderate wind' } },
          H2S: { zh: '硫化氢', en: 'Hydrogen sulfide', un: '1053', molarMass: 34.08, erpgPpm: [0.1, 30, 100], erpgChecked: 'Nitric Oxide 71:1–13 (2017), Table 3 (pmc.ncbi.nlm.nih.gov PMC5777517), citing AIHA', erg: { small: [30, 0.1, 0.5], large: [400, 2.4, 6.3], largeFrom: 'Table 1' } },
        },
      },
      explosion: {
        method: 'tnt-equivalence-kinney-graham',
        source: 'TNT equivalence (CCPS 1994, Guidelines for Evaluating the Characteristics of VCEs, Flash Fires and BLEVEs); side-on overpressure from Kinney & Graham 1985, Explosive Shocks in Air',
        yieldFactor: 0.03,
        tntMjPerKg: 4.6,
        overpressureKpa: [21, 7, 3],
        heatOfCombustionMjPerKg: { 液化石油气: 46.0, LPG: 46.0, 天然气: 50.0, LNG: 50.0, 甲烷: 50.0, 氢: 120.0, H2: 120.0, 丙烷: 46.3 },
        defaultHeatOfCombustionMjPerKg: 46.0,
      },
      thermal: {
        method: 'ccps-fireball-point-source-pool',
        source: 'Fireball: CCPS 1994 / TNO Yellow Book (CPR 14E) D = 5.8 M^(1/3), t = 0.45 M^(1/3) (M < 30 t) or 2.6 M^(1/6); pool fire: point-source model (CCPS 2000); τ = 2.02 (Pw·x)^−0.09',
        fluxKwPerM2: [37.5, 12.5, 4],
        fireballSepKwPerM2: 350,
        waterVapourPa: 1_400,
        pool: { burningRateKgPerM2S: { 汽油: 0.055, 甲醇: 0.017, 柴油: 0.045 }, defaultBurningRateKgPerM2S: 0.05, radiativeFraction: 0.35, diameterM: 20 },
      },
    },
  },
  hiddenHazards: hiddenHazardsDefaults,
  indicators: indicatorsDefaults,
};
