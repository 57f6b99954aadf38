import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call, tokenFor } from './edit-helpers.js';
import { recordHazard } from './hidden-hazard-helpers.js';

const TODAY = '2026-12-01';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe.each(testBackends())('hidden-hazard figures, files and reports on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', {}, { clock: () => new Date(`${TODAY}T04:00:00Z`) });
  });
  afterAll(() => app?.close());

  const upload = async (id: number, bytes: Buffer, filename: string) => {
    const r = await fetch(`${app.url}/api/hidden-hazards/${id}/attachments?filename=${encodeURIComponent(filename)}`, {
      method: 'POST', headers: { authorization: `Bearer ${await tokenFor(app, 'planner')}`, 'content-type': 'application/octet-stream' }, body: bytes,
    });
    return { status: r.status, body: (await r.json()) as any };
  };

  it('loads a few hundred sample hazards in every status, some overdue, labelled 示例数据', async () => {
    const fc = (await call(app, 'commander', 'GET', '/api/hidden-hazards')).body;
    expect(fc.features.length).toBeGreaterThanOrEqual(300);
    const statuses = new Set(fc.features.map((f: any) => f.properties.status));
    expect([...statuses].sort()).toEqual(['awaiting-acceptance', 'closed', 'found', 'rectifying']);
    expect(fc.features.some((f: any) => f.properties.overdue)).toBe(true);
    expect(fc.features.every((f: any) => f.properties.sample === true)).toBe(true);
  });

  it('gives per-township statistics that agree with the raw rows', async () => {
    const stats = (await call(app, 'commander', 'GET', '/api/hidden-hazards/statistics?by=township')).body;
    const rows = await app.t.db.selectFrom('hidden_hazards').select(['township_code', 'status', 'deadline', 'found_on', 'closed_on', 'grade']).where('deleted_at', 'is', null).execute();
    const expected = new Map<string, { found: number; rectified: number; overdue: number; days: number }>();
    for (const r of rows) {
      const e = expected.get(r.township_code ?? '') ?? { found: 0, rectified: 0, overdue: 0, days: 0 };
      e.found++;
      if (r.status === 'closed') {
        e.rectified++;
        e.days += (Date.parse(String(r.closed_on)) - Date.parse(String(r.found_on))) / 86_400_000;
      } else if (r.deadline !== null && String(r.deadline) < TODAY) e.overdue++;
      expected.set(r.township_code ?? '', e);
    }
    expect(stats.groups.length).toBe(expected.size);
    for (const g of stats.groups) {
      const e = expected.get(g.key)!;
      expect(g).toMatchObject({ found: e.found, rectified: e.rectified, overdue: e.overdue, open: e.found - e.rectified });
      expect(g.rectificationRate).toBeCloseTo(e.rectified / e.found, 12);
      if (e.rectified) expect(g.avgDaysToClose).toBeCloseTo(e.days / e.rectified, 9);
      expect(typeof g.name).toBe('string');
    }
    expect(stats.total.found).toBe(rows.length);
    expect(stats.recurring.units.length).toBeGreaterThan(0);
    expect(stats.recurring.units.every((u: any) => u.count >= stats.recurring.rule.minHazards)).toBe(true);
  });

  it('flags risk points with an open 重大 hazard without changing their level', async () => {
    const before = await app.t.db.selectFrom('risk_points').select(['code', 'level']).orderBy('code').execute();
    const flags = (await call(app, 'commander', 'GET', '/api/hidden-hazards/risk-point-flags')).body;
    expect(flags.rule).toEqual({ grades: ['major'], levelChanged: false });
    const open = await app.t.db.selectFrom('hidden_hazards').select('risk_point_code').distinct().where('grade', '=', 'major').where('status', '!=', 'closed').where('deleted_at', 'is', null).execute();
    expect(flags.riskPoints.map((r: any) => r.code).sort()).toEqual(open.map((r) => r.risk_point_code).sort());
    expect(await app.t.db.selectFrom('risk_points').select(['code', 'level']).orderBy('code').execute()).toEqual(before);
  });

  it('shows nothing to anonymous callers: routes, layers, OGC, tiles, exports', async () => {
    for (const path of ['/api/hidden-hazards', '/api/hidden-hazards/1', '/api/hidden-hazards/statistics', '/api/hidden-hazards/risk-point-flags', '/api/hidden-hazards/register.xlsx', '/api/hidden-hazards/bulletin.xlsx', '/api/hidden-hazards/vocabulary', '/api/hidden-hazards/1/attachments/1', '/api/plan-indicators']) {
      expect((await call(app, undefined, 'GET', path)).status, path).toBe(401);
    }
    expect((await call(app, undefined, 'POST', '/api/hidden-hazards/1/steps', { step: 'close', version: 1 })).status).toBe(401);
    const catalogue = (await call(app, undefined, 'GET', '/api/layers')).body;
    expect(JSON.stringify(catalogue)).not.toContain('hidden-hazards');
    expect([401, 403, 404]).toContain((await call(app, undefined, 'GET', '/api/layers/hidden-hazards')).status);
    const ogc = await (await fetch(`${app.url}/ogc/collections`, { headers: { accept: 'application/json' } })).text();
    expect(ogc).not.toContain('hidden-hazards');
    expect([401, 403, 404]).toContain((await fetch(`${app.url}/ogc/collections/hidden-hazards/items`)).status);
    expect([401, 403, 404]).toContain((await fetch(`${app.url}/tiles/hidden-hazards/10/843/403.mvt`)).status);
    expect([401, 403, 404]).toContain((await fetch(`${app.url}/api/exports/hidden-hazards.geojson`)).status);
  });

  it('keeps hidden-hazard changes off the anonymous event stream', async () => {
    const before = app.changes.position(false);
    const h = await recordHazard(app);
    const anon = await fetch(`${app.url}/api/events`, { headers: { 'last-event-id': '0' } });
    const reader = anon.body!.getReader();
    let text = '';
    // the replay from 0 ends with `event: ready`: everything the anonymous stream would replay is in by then
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      if (text.includes('event: ready')) break;
    }
    await reader.cancel();
    expect(text).toContain('event: ready');
    expect(text).not.toContain('hidden-hazards');
    const signedIn = (await app.changes.since(before, false)).filter((c) => c.layer === 'hidden-hazards' && c.id === h.id);
    expect(signedIn.length).toBe(1);
  });

  it('stores a PNG attachment and gives it back byte for byte', async () => {
    const h = await recordHazard(app);
    const r = await upload(h.id, PNG, '现场照片.png');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ mediaType: 'image/png', sizeBytes: PNG.length, filename: '现场照片.png' });
    const back = await fetch(`${app.url}/api/hidden-hazards/${h.id}/attachments/${r.body.id}`, { headers: { authorization: `Bearer ${await tokenFor(app, 'commander')}` } });
    expect(back.headers.get('content-type')).toContain('image/png');
    expect(Buffer.from(await back.arrayBuffer())).toEqual(PNG);
  });

  it('refuses an attachment of the wrong type by its content, whatever its name', async () => {
    const h = await recordHazard(app);
    const r = await upload(h.id, Buffer.from('GIF89a not allowed'), 'photo.jpg');
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses an attachment over the size limit with 413', async () => {
    const h = await recordHazard(app);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * 1024 * 1024)]);
    const r = await upload(h.id, big, 'report.pdf');
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'payload_too_large', details: { limitBytes: 2 * 1024 * 1024 } });
  });

  it('writes the 隐患台账 with every hazard, its 五到位 and its history, Chinese first', async () => {
    const r = await fetch(`${app.url}/api/hidden-hazards/register.xlsx`, { headers: { authorization: `Bearer ${await tokenFor(app, 'commander')}` } });
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('隐患台账')!;
    expect(String(sheet.getCell('A2').value)).toContain('示例数据');
    expect((sheet.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['序号', '隐患编号', '隐患名称', '乡镇（街道）']);
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(['责任单位', '责任人', '整改措施', '整改资金（元）', '整改时限', '应急预案']));
    const n = Number((await app.t.db.selectFrom('hidden_hazards').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);
    expect(sheet.rowCount - 3).toBe(n);
    const steps = Number((await app.t.db.selectFrom('hidden_hazard_steps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(wb.getWorksheet('整改记录')!.rowCount - 1).toBe(steps);
  });

  it('writes the monthly 通报 per township and per category', async () => {
    const r = await fetch(`${app.url}/api/hidden-hazards/bulletin.xlsx?month=2026-11`, { headers: { authorization: `Bearer ${await tokenFor(app, 'commander')}` } });
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按乡镇（街道）', '按行业领域']);
    expect(String(wb.worksheets[0]!.getCell('A1').value)).toBe('隐患排查治理情况通报（2026年11月）');
    const bad = await call(app, 'commander', 'GET', '/api/hidden-hazards/bulletin.xlsx?month=2026-13');
    expect(bad.status).toBe(400);
  });

  it('imports an existing register through the import path (dry run)', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [115.79, 36.11] }, properties: {
      code: 'YH-IMP-1', name: '导入隐患', sample: false, category: 'fire', grade: 'general', discoverySource: 'self-inspection', foundOn: '2026-10-01', status: 'closed', closedOn: '2026-10-20',
    } }] };
    const r = await fetch(`${app.url}/api/imports/hidden-hazards`, { method: 'POST', headers: { authorization: `Bearer ${await tokenFor(app, 'planner')}`, 'content-type': 'application/geo+json' }, body: JSON.stringify(fc) });
    const body = (await r.json()) as any;
    expect(r.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ dryRun: true, rows: 1, valid: 1 });
  });
});
