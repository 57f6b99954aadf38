import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { someShelter, tokenFor } from './edit-helpers.js';
import { upload } from './fixtures/import/upload.js';

/** The issue's own example: the UI's Chinese column labels and values. */
const HEAD = '编号,名称,场所类别,场地类型,总面积（㎡）,有效面积(m²),可容纳人数,状态,是否公开,经度,纬度';

describe.each(testBackends())('Chinese-first imports on %s', (backend) => {
  let app: TestApp;
  let lon: number;
  let lat: number;

  beforeAll(async () => {
    app = await startTestApp(backend);
    [lon, lat] = (await someShelter(app, false)).lonLat;
  });
  afterAll(() => app?.close());

  it('maps Chinese headings (with units) and Chinese values through the vocabulary, and answers the mapping', async () => {
    const csv = `${HEAD}\nZH-1,城关中学避难点,中期固定避难场所,学校,12000,8000,4000,规划中,是,${lon + 0.001},${lat}\n`;
    const r = await upload(app, 'planner', 'shelters', csv, 'text/csv', { dryRun: 'false' });
    expect(r.status).toBe(201);
    expect(r.body.warnings).toEqual([]);
    const row = await app.t.db.selectFrom('shelters').selectAll().where('code', '=', 'ZH-1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ shelter_class: 'medium-term', site_type: 'school', total_area_m2: 12000, effective_area_m2: 8000, capacity: 4000, status: 'planned', is_public: true });

    const dry = await upload(app, 'planner', 'shelters', csv.replace('ZH-1', 'ZH-2'), 'text/csv');
    const byColumn = Object.fromEntries(dry.body.mapping.map((m: any) => [m.column, m]));
    expect(byColumn['场所类别']).toMatchObject({ field: 'shelterClass', how: 'label', label: '场所类别' });
    expect(byColumn['总面积（㎡）']).toMatchObject({ field: 'totalAreaM2', how: 'label' });
    expect(byColumn['是否公开']).toMatchObject({ field: 'isPublic', how: 'synonym' });
    expect(byColumn['经度']).toMatchObject({ field: 'lon' });
    expect(dry.body.fields).toEqual(expect.arrayContaining([{ key: 'capacity', label: '可容纳人数' }]));
  });

  it('accepts English headings and values and common synonyms (X/Y, 场所名称, 面积)', async () => {
    const csv = `code,场所名称,Shelter class,Site type,面积,effective area,容纳人数,Status,X,Y\nZH-EN,East square,short-term,Square,5000,3000,1500,Built,${lon + 0.002},${lat}\n`;
    const r = await upload(app, 'planner', 'shelters', csv, 'text/csv');
    expect(r.body.errors).toEqual([]);
    expect(r.body.valid).toBe(1);
  });

  it('says what is wrong in Chinese by default, naming the row and the column as written in the file', async () => {
    const csv = `${HEAD}\nZH-3,好,紧急避难场所,公园,100,50,10,已建成,是,${lon},${lat}\nZH-4,坏,中期避难所,学校,100,50,很多,在建,是,${lon},${lat}\nZH-5,面积,紧急避难场所,公园,100,500,10,已建成,否,${lon},${lat}\n`;
    const r = await upload(app, 'planner', 'shelters', csv, 'text/csv');
    expect(r.body).toMatchObject({ rows: 3, valid: 1, invalidRows: 2 });
    const messages = r.body.errors.map((e: any) => e.message);
    expect(messages).toContain('第 3 行「场所类别」：“中期避难所”不是允许的取值（可填：紧急避难场所、短期固定避难场所、中期固定避难场所、长期固定避难场所、中心避难场所）');
    expect(messages).toContain('第 3 行「可容纳人数」：“很多”不是数字');
    expect(messages).toContain('第 3 行「状态」：“在建”不是允许的取值（可填：规划中、已建成、开放中、已关闭）');
    expect(messages).toContain('第 4 行「有效面积(m²)」：有效面积 500 m² 大于总面积 100 m²');
    for (const e of r.body.errors) expect(e.message).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('answers in English for Accept-Language: en or ?lang=en', async () => {
    const csv = `${HEAD}\nZH-6,坏,中期避难所,学校,100,50,10,规划中,是,${lon},${lat}\n`;
    const headers = { 'content-type': 'text/csv', authorization: `Bearer ${await tokenFor(app, 'planner')}`, 'accept-language': 'en-GB,en;q=0.9' };
    const r = await (await fetch(`${app.url}/api/imports/shelters`, { method: 'POST', headers, body: csv })).json();
    expect(r.errors[0].message).toBe('Row 2, column "场所类别": "中期避难所" is not one of the allowed values (Emergency, Fixed, short-term, Fixed, medium-term, Fixed, long-term, Central)');
    const q = await upload(app, 'planner', 'shelters', csv, 'text/csv', { lang: 'en' });
    expect(q.body.errors[0].reason).toContain('is not one of the allowed values');
  });

  it('takes the user\'s mapping over the detected one, and refuses a mapping to an unknown field naming the column', async () => {
    const csv = `编号,名称,种类,场地类型,总面积,有效面积,可容纳人数,状态,经度,纬度,备注\nZH-7,映射,紧急避难场所,公园,100,50,10,规划中,${lon},${lat},无\n`;
    const before = await upload(app, 'planner', 'shelters', csv, 'text/csv');
    expect(before.body.mapping.find((m: any) => m.column === '种类')).toMatchObject({ field: null, how: 'none' });
    expect(before.body.errors[0]).toMatchObject({ field: 'properties.shelterClass', code: 'value.required' });
    const mapping = JSON.stringify({ 种类: 'shelterClass', 备注: null });
    const after = await upload(app, 'planner', 'shelters', csv, 'text/csv', { mapping });
    expect(after.body.errors).toEqual([]);
    expect(after.body.warnings).toEqual([]);
    expect(after.body.mapping.find((m: any) => m.column === '种类')).toMatchObject({ field: 'shelterClass', how: 'user' });
    const bad = await upload(app, 'planner', 'shelters', csv, 'text/csv', { mapping: JSON.stringify({ 种类: 'kind' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_mapping', message: '列「种类」：“kind”不是本图层的字段' });
  });
});
