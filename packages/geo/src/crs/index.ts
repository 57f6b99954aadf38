export type { CrsInfo } from './crs-types.js';
export { listCrs } from './list-crs.js';
export { crsInfo } from './crs-info.js';
export { crsFromWkt } from './crs-from-wkt.js';
export { crsTransformer, type AxisOrder, type CrsTransformOptions } from './crs-transformer.js';
export { reprojectGeoJson } from './reproject-geojson.js';
export { mapPositions } from './map-positions.js';
export { coordinatesLookProjected } from './coordinates-look-projected.js';
