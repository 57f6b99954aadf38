// Minimal typings for the two untyped tile libraries used by the embedded tile path.
declare module 'geojson-vt' {
  export interface GeoJSONVTOptions {
    maxZoom?: number;
    indexMaxZoom?: number;
    indexMaxPoints?: number;
    tolerance?: number;
    extent?: number;
    buffer?: number;
    lineMetrics?: boolean;
    promoteId?: string | null;
    generateId?: boolean;
    debug?: number;
  }
  export interface GeoJSONVTTile {
    features: unknown[];
    numPoints: number;
    numSimplified: number;
    numFeatures: number;
  }
  export interface GeoJSONVT {
    getTile(z: number, x: number, y: number): GeoJSONVTTile | null;
  }
  export default function geojsonvt(data: unknown, options?: GeoJSONVTOptions): GeoJSONVT;
}

declare module 'vt-pbf' {
  const vtpbf: {
    fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
  };
  export default vtpbf;
}
