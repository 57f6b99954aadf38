import type { Feature, FeatureCollection } from 'geojson';
import type { Kysely } from 'kysely';
import type { LayerId, SampleDataset, ShelterProps, WarehouseProps } from '@riskmap/geo';
import type { Database } from '../schema.js';
import { LAYERS } from '../layers/descriptors.js';
import { rowFromFeature } from '../layers/feature-row.js';
import { multiPolygonFromGeoJSON } from '../postgis.js';
import { loadSampleHazards } from './load-sample-hazards.js';

const BATCH = 200;

/**
 * Load the sample dataset in one transaction (all or nothing). Returns the number of features per layer.
 * @example await loadSample(db, generateSample())
 */
export async function loadSample(db: Kysely<Database>, ds: SampleDataset): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    await insertFeatures(trx, 'townships', [ds.county as Feature], { level: 'county' });
    await insertContext(trx, ds.neighbours.features as Feature[]);
    const layers: [LayerId, FeatureCollection][] = [
      ['townships', ds.townships],
      ['demand-points', ds.demandPoints],
      ['hazard-sources', ds.hazardSources],
      ['risk-points', ds.riskPoints],
      ['shelters', ds.shelters],
      ['warehouses', ds.warehouses],
      ['fire-stations', ds.fireStations],
      ['candidate-sites', ds.candidateSites],
    ];
    for (const [id, fc] of layers) {
      const ids = await insertFeatures(trx, id, fc.features);
      counts[id] = ids.length;
      if (id === 'warehouses') await insertStock(trx, fc.features as Feature[], ids);
      if (id === 'shelters') await insertStatusHistory(trx, fc.features as Feature[], ids);
    }
    counts['hidden-hazards'] = await loadSampleHazards(trx, ds.riskPoints, ds.seed);
  });
  return counts;
}

async function insertFeatures(trx: Kysely<Database>, id: LayerId, features: Feature[], override: Record<string, unknown> = {}): Promise<number[]> {
  const d = LAYERS[id];
  const ids: number[] = [];
  for (let i = 0; i < features.length; i += BATCH) {
    const rows = features.slice(i, i + BATCH).map((f) => ({ ...rowFromFeature(d, f as never), ...override }));
    const inserted = await trx.insertInto(d.table).values(rows as never).returning('id' as never).execute();
    ids.push(...inserted.map((r) => (r as { id: number }).id));
  }
  return ids;
}

async function insertStock(trx: Kysely<Database>, features: Feature[], ids: number[]): Promise<void> {
  const lines = features.flatMap((f, i) =>
    ((f.properties as WarehouseProps).stock ?? []).map((s) => ({ warehouse_id: ids[i]!, item: s.item, unit: s.unit, quantity: s.quantity, minimum: s.minimum })),
  );
  if (lines.length) await trx.insertInto('warehouse_stock').values(lines).execute();
}

async function insertStatusHistory(trx: Kysely<Database>, features: Feature[], ids: number[]): Promise<void> {
  const rows = features.map((f, i) => ({
    shelter_id: ids[i]!,
    status: (f.properties as ShelterProps).status,
    changed_by: 'sample',
    note: '示例数据',
  }));
  if (rows.length) await trx.insertInto('shelter_status_history').values(rows).execute();
}

async function insertContext(trx: Kysely<Database>, features: Feature[]): Promise<void> {
  const rows = features.map((f) => ({
    code: String(f.properties!.code),
    name: String(f.properties!.name),
    kind: 'neighbour',
    geom: multiPolygonFromGeoJSON(f.geometry),
  }));
  if (rows.length) await trx.insertInto('context_areas').values(rows).execute();
}
