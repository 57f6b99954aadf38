import { describe, expect, it } from 'vitest';
import { crsFromWkt } from './crs-from-wkt.js';

// .prj texts as ogr2ogr (GDAL 3.6) writes them for Shapefiles (ESRI WKT1).
const GCS = 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const gk = (name: string, fe: number) => `PROJCS["${name}",${GCS},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${fe}.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

describe('crsFromWkt', () => {
  it('recognises the CGCS2000 Gauss-Krüger zones GDAL writes', () => {
    expect(crsFromWkt(gk('CGCS2000_3_Degree_GK_CM_117E', 500000)).code).toBe('EPSG:4548');
    expect(crsFromWkt(gk('CGCS2000_3_Degree_GK_Zone_39', 39500000)).code).toBe('EPSG:4527');
    expect(crsFromWkt(gk('CGCS2000_GK_Zone_20', 20500000)).code).toBe('EPSG:4498');
    expect(crsFromWkt(gk('CGCS2000_GK_CM_117E', 500000)).code).toBe('EPSG:4509');
  });
  it('recognises geographic CGCS2000 and WGS84, and Web Mercator', () => {
    expect(crsFromWkt(GCS).code).toBe('EPSG:4490');
    expect(crsFromWkt('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]').code).toBe('EPSG:4326');
    expect(crsFromWkt('PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]').code).toBe('EPSG:3857');
  });
  it('uses a top-level EPSG authority when the text has one', () => {
    expect(crsFromWkt(`PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 117E",${GCS},PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",117],PARAMETER["false_easting",500000],UNIT["metre",1],AUTHORITY["EPSG","4548"]]`).code).toBe('EPSG:4548');
  });
  it('refuses Xi\'an 1980 and Beijing 1954 by name, and texts that are not WKT', () => {
    const xian = 'PROJCS["Xian_1980_3_Degree_GK_CM_117E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],UNIT["Meter",1.0]]';
    expect(() => crsFromWkt(xian)).toThrow(/D_Xian_1980/);
    expect(() => crsFromWkt('hello')).toThrow(expect.objectContaining({ field: 'prj' }));
  });
});
