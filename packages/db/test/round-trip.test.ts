import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { LAYERS, getLayer, rowFromFeature, type LayerDescriptor } from '../src/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';
import { LAYER_IDS } from '@riskmap/geo';

/** One feature per layer with every property set, as the API would receive it. */
const EXAMPLES: Record<string, Feature> = {
  townships: feature({ type: 'MultiPolygon', coordinates: [[[[115.7, 36.0], [115.8, 36.0], [115.8, 36.1], [115.7, 36.0]]]] }, {
    code: 'T-1', name: '测试镇', sample: true, level: 'township', parentCode: '371521', population: 12345, isUrban: false, kind: 'town', approximate: true, seat: [115.77, 36.03],
  }),
  'risk-points': feature({ type: 'Point', coordinates: [115.8, 36.1] }, {
    code: 'RP-T', name: '测试风险点', sample: true, industry: 'gas', hazardTypes: ['fire', 'explosion'], assessmentMethod: 'lec',
    assessmentInputs: { L: 3, E: 6, C: 15 }, score: 270, level: 2, methodVersion: 'LEC-2024.1', assessedAt: '2026-06-15', assessor: '张工',
    directMajorReason: null, enterprise: '示例燃气站', townshipCode: '371521001', responsibleUnit: '示例单位', responsiblePerson: '李四',
    responsiblePhone: '0635-6000000', controlMeasures: '定期巡检', hazardSourceCode: null,
  }),
  'hazard-sources': feature({ type: 'Point', coordinates: [115.85, 36.14] }, {
    code: 'HS-T', name: '测试危险源', sample: true, enterprise: '示例化工', townshipCode: null,
    substances: [{ name: '液氨', formula: 'NH3', category: 'toxic-gas', quantityT: 30, thresholdT: 10 }], sValue: 3, isMajor: true, alpha: 1.5,
    rValue: 9, grade: 4, peopleWithin500m: 60, methodVersion: 'GB18218-2018', contactPerson: '王五', contactPhone: '0635-6000001',
    boundary: { type: 'Polygon', coordinates: [[[115.849, 36.139], [115.851, 36.139], [115.851, 36.141], [115.849, 36.141], [115.849, 36.139]]] },
  }),
  shelters: feature({ type: 'Point', coordinates: [115.79, 36.11] }, {
    code: 'SH-T', name: '测试公园避难场所', sample: true, shelterClass: 'short-term', siteType: 'park', totalAreaM2: 30000, effectiveAreaM2: 11000,
    capacity: 5500, status: 'open', suitability: { earthquake: true, flood: false, fire: true, hazmat: false }, facilities: ['water', 'toilets'],
    address: '示例路1号', access: '东门', contactPerson: '赵六', contactPhone: '0635-6000002', isPublic: true, townshipCode: '371521001', site: null,
  }),
  warehouses: feature({ type: 'Point', coordinates: [115.78, 36.12] }, {
    code: 'WH-T', name: '测试储备库', sample: true, level: 'county', floorAreaM2: 700, townshipCode: null, contactPerson: '钱七', contactPhone: '0635-6000003',
  }),
  'fire-stations': feature({ type: 'Point', coordinates: [115.8, 36.13] }, {
    code: 'FS-T', name: '测试消防站', sample: true, stationType: 'class-1', vehicles: 8, staff: 45, turnoutMinutes: 1, townshipCode: null, contactPhone: '119',
  }),
  'demand-points': feature({ type: 'Point', coordinates: [115.81, 36.15] }, {
    code: 'DP-T', name: '测试村', sample: true, kind: 'village', townshipCode: '371521001', population: 860,
  }),
  'candidate-sites': feature({ type: 'Point', coordinates: [115.82, 36.16] }, {
    code: 'CS-T', name: '测试备选地', sample: true, siteType: 'vacant', areaM2: 20000, effectiveAreaM2: 8000, suitableFor: ['shelter', 'fire-station'],
    townshipCode: null, constraints: '临近高压线',
  }),
  'hidden-hazards': feature({ type: 'Point', coordinates: [115.83, 36.12] }, {
    code: 'YH-T', name: '测试隐患', sample: true, riskPointCode: 'RP-T', hazardSourceCode: null, enterprise: '示例燃气站', place: '调压间',
    townshipCode: '371521001', category: 'gas', grade: 'major', discoverySource: 'public-report', finder: '12345', foundOn: '2026-11-02',
    description: '燃气泄漏报警器失效', responsibleUnit: '示例燃气站', responsiblePerson: '李四', measures: '更换报警器', fundsYuan: 3500,
    deadline: '2026-12-15', contingencyPlan: '停用调压间', status: 'rectifying', supervised: true, closedOn: null,
  }),
};

function feature(geometry: Feature['geometry'], properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry, properties };
}

describe.each(testBackends())('every table on the %s backend', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'empty');
  });
  afterAll(async () => t?.close());

  it.each(LAYER_IDS)('round-trips a %s feature with every property and its geometry', async (id) => {
    const d: LayerDescriptor = LAYERS[id];
    const input = EXAMPLES[id]!;
    await t.db.insertInto(d.table).values(rowFromFeature(d, input as never) as never).execute();
    const fc = await getLayer(t.db, d);
    const stored = fc.features.find((f) => f.properties!.code === input.properties!.code)!;
    expect(stored.geometry).toEqual(input.geometry);
    const { id: _id, version, createdAt, updatedAt, ...props } = stored.properties!;
    expect(version).toBe(1);
    expect(typeof createdAt).toBe('string');
    expect(props).toEqual(id === 'townships' ? { ...input.properties, seat: { type: 'Point', coordinates: [115.77, 36.03] } } : { ...input.properties, ...(id === 'warehouses' ? { stock: [] } : {}) });
  });

  it('round-trips warehouse stock lines', async () => {
    const wh = await t.db.selectFrom('warehouses').select('id').where('code', '=', 'WH-T').executeTakeFirstOrThrow();
    await t.db.insertInto('warehouse_stock').values([
      { warehouse_id: wh.id, item: '帐篷', unit: '顶', quantity: 200, minimum: 150 },
      { warehouse_id: wh.id, item: '棉被', unit: '床', quantity: 1500.5, minimum: 2000 },
    ]).execute();
    const fc = await getLayer(t.db, LAYERS.warehouses);
    expect(fc.features[0]!.properties!.stock).toEqual([
      { item: '帐篷', unit: '顶', quantity: 200, minimum: 150 },
      { item: '棉被', unit: '床', quantity: 1500.5, minimum: 2000 },
    ]);
  });

  it('round-trips an audit entry with before and after documents', async () => {
    const inserted = await t.db
      .insertInto('audit_log')
      .values({ actor: 'planner1', action: 'update', layer: 'shelters', feature_id: 1, before: JSON.stringify({ status: 'built' }), after: JSON.stringify({ status: 'open' }) })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(inserted.before).toEqual({ status: 'built' });
    expect(inserted.after).toEqual({ status: 'open' });
    expect(inserted.at).toBeInstanceOf(Date);
  });

  it('rejects a shelter whose effective area exceeds its total area', async () => {
    const bad = { ...EXAMPLES.shelters!, properties: { ...EXAMPLES.shelters!.properties, code: 'SH-BAD', effectiveAreaM2: 40000 } };
    await expect(t.db.insertInto('shelters').values(rowFromFeature(LAYERS.shelters, bad as never) as never).execute()).rejects.toThrow(/shelters_effective_le_total/);
  });
});
