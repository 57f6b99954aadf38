// Risk grading
export { bandLevel } from './band-level.js';
export { gradeLec } from './grade-lec.js';
export { gradeMatrix } from './grade-matrix.js';
export { gradeMajorHazard } from './grade-major-hazard.js';
export { directMajor, type DirectMajorFacts, type DirectMajorResult } from './direct-major.js';

// Four-colour e-map, metric grids, density
export { createMetricGrid, CELL_SHAPES, type CellShape, type MetricGrid } from './create-metric-grid.js';
export { riskEmapByGrid, type EmapCellProps, type EmapRiskPointProps, type RiskEmapGrid, type RiskEmapGridOptions } from './risk-emap-by-grid.js';
export { riskEmapByArea, type EmapAreaProps, type RiskEmapAreas } from './risk-emap-by-area.js';
export { EMAP_METHODS, type AreaRiskSummary, type EmapLegend, type EmapLevelOptions, type EmapMethod, type TopRisk } from './summarize-risk-levels.js';
export { riskDensity } from './risk-density.js';
export { riskDensityNaive } from './risk-density-naive.js';
export { DENSITY_KERNELS, type DensityKernel, type DensityOptions, type DensityRaster } from './density-setup.js';

// Shelters and fire stations
export { shelterAreaPerCapita, type PerCapitaResult, type PerCapitaRow } from './shelter-area-per-capita.js';
export { shelterCoverage, type WalkingImpedance } from './shelter-coverage.js';
export { fireStationCoverage, type DrivingImpedance } from './fire-station-coverage.js';
export { warehouseCoverage, type WarehouseImpedance } from './warehouse-coverage.js';
export type { CoverageResult, DemandInput, WeightedCoverage } from './coverage-by-reach.js';
export { facilityReach, DEFAULT_RULES, type CoverageRule, type FacilityReach, type ReachConfig, type ReachSite } from './facility-reach.js';
export { createShelterIndex, type NearestShelter, type NearestSheltersResult, type ShelterIndex } from './create-shelter-index.js';
export { applyRiskWeights, type RiskWeighting } from './apply-risk-weights.js';

// Coordinates, geometry, geodesy
export { wgs84ToGcj02 } from './wgs84-to-gcj02.js';
export { gcj02ToWgs84 } from './gcj02-to-wgs84.js';
export { wgs84ToBd09 } from './wgs84-to-bd09.js';
export { bd09ToWgs84 } from './bd09-to-wgs84.js';
export { convertCoordinates, COORDINATE_SYSTEMS, type CoordinateSystem } from './convert-coordinates.js';
export { outsideChina } from './china-offsets.js';
export { validateGeometry, type GeometryCheck, type GeometryProblem } from './validate-geometry.js';
export { findRingCrossings, RING_CROSSING_COUNT_LIMITS, type RingCrossings } from './find-ring-crossings.js';
export { orient2dSign } from './orient2d-sign.js';
export { segmentsTouch } from './segments-touch.js';
export { haversineM } from './haversine-m.js';
export { distanceToPolygonM } from './distance-to-polygon-m.js';
export { localMetricProjection, type LocalMetricProjection } from './local-metric-projection.js';
export { polygonLocator } from './polygon-locator.js';
export { areaShortfallM2 } from './area-shortfall.js';
