import type { Feature, MultiPolygon } from 'geojson';
import { countyOutline, type Database, type Kysely } from '@riskmap/db';
import { HttpError } from '../http/http-error.js';
import type { LayerCache } from './layer-cache.js';

/** The county outline (cached with the townships layer); 503 when no county is loaded. */
export async function countyFeature(db: Kysely<Database>, layers: LayerCache): Promise<Feature<MultiPolygon>> {
  const county = await layers.derive('county', ['townships'], () => countyOutline(db));
  if (!county) throw new HttpError(503, 'no_county', 'no county outline is loaded (admin_areas level county)');
  return county;
}
