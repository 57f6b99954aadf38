import type { FeatureCollection } from 'geojson';
import type { PerCapitaResult } from '@riskmap/geo';

/** The per-capita rows joined onto the township polygons, for the choropleth. */
export function perCapitaGeoJSON(townships: FeatureCollection, result: PerCapitaResult): FeatureCollection & { areaBasis: string; targetM2: number } {
  const rows = new Map(result.townships.map((r) => [r.townshipCode, r]));
  return {
    type: 'FeatureCollection',
    areaBasis: result.areaBasis,
    targetM2: result.targetM2,
    features: townships.features.map((t) => ({
      type: 'Feature',
      id: t.id,
      geometry: t.geometry,
      properties: { ...rows.get(t.properties!.code as string), isUrban: t.properties!.isUrban, sample: t.properties!.sample },
    })),
  };
}
