import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { tokenFor } from './edit-helpers.js';
import { upload } from './fixtures/import/upload.js';
import { someRiskPoint } from './hidden-hazard-helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A county's own register: its headings, no 名称 column, townships by name. */
const HEAD = ['隐患编号', '隐患描述', '所属乡镇', '隐患类别', '隐患等级', '发现方式', '发现人', '发现日期', '责任单位', '责任人', '整改措施', '整改资金', '整改时限', '应急预案', '经度', '纬度'];
const CATEGORIES = ['消防', '危险化学品', '建筑施工', '城镇燃气'];
const CATEGORY_KEYS: Record<string, string> = { 消防: 'fire', 危险化学品: 'hazardous-chemicals', 建筑施工: 'construction', 城镇燃气: 'gas' };

interface Place { townshipName: string; townshipCode: string; lonLat: [number, number] }

function row(i: number, at: Place): unknown[] {
  const grade = i % 5 === 0 ? '重大' : '一般';
  return [
    `XJ-2026-${String(i).padStart(3, '0')}`, `第${i}处：安全出口堵塞，应急照明损坏`, at.townshipName, CATEGORIES[i % CATEGORIES.length], grade,
    i % 2 ? '企业自查' : '部门检查', `检查员${i}`, new Date(Date.UTC(2026, 9, 1 + i)), `整改单位${i}`, `责任人${i}`, '清理通道，更换应急照明', 1000 + i,
    new Date(Date.UTC(2026, 11, 1 + i)), '整改期间专人值守', at.lonLat[0], at.lonLat[1],
  ];
}

async function register(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('隐患台账');
  sheet.addRow(HEAD);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testBackends())('importing a county hidden-hazard register (XLSX) on %s', (backend) => {
  let app: TestApp;
  const places: Place[] = [];

  beforeAll(async () => {
    app = await startTestApp(backend, 'sample');
    for (let i = 0; i < 4; i++) {
      const rp = await someRiskPoint(app, i * 7);
      const t = await app.t.db.selectFrom('admin_areas').select('name').where('code', '=', rp.townshipCode!).executeTakeFirstOrThrow();
      places.push({ townshipName: t.name, townshipCode: rp.townshipCode!, lonLat: rp.lonLat });
    }
  });
  afterAll(() => app?.close());

  const stored = () => app.t.db.selectFrom('hidden_hazards').selectAll().where('code', 'like', 'XJ-2026-%').orderBy('code').execute();

  it('refuses the whole register when one row is bad, naming the row and the column, and writes nothing', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i + 1, places[i % places.length]!));
    rows[11]![4] = '特别重大'; // spreadsheet row 13
    const file = await register(rows);

    const dry = await upload(app, 'planner', 'hidden-hazards', file, XLSX);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 20, valid: 19, invalidRows: 1 });
    const byColumn = Object.fromEntries(dry.body.mapping.map((m: any) => [m.column, m.field]));
    expect(byColumn).toMatchObject({ 隐患编号: 'code', 隐患描述: 'description', 所属乡镇: 'townshipCode', 隐患类别: 'category', 整改资金: 'fundsYuan', 整改时限: 'deadline', 应急预案: 'contingencyPlan', 经度: 'lon', 纬度: 'lat' });

    const commit = await upload(app, 'planner', 'hidden-hazards', file, XLSX, { dryRun: 'false' });
    expect(commit.status).toBe(400);
    expect(commit.body.error.code).toBe('invalid_rows');
    const errors = commit.body.error.details.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 13, field: 'properties.grade', column: '隐患等级' });
    expect(errors[0].message).toContain('第 13 行「隐患等级」');
    expect(await stored()).toEqual([]);
  });

  it('imports the fixed register: every row in the register with its 五到位, status 已发现, 重大 supervised, audited', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i + 1, places[i % places.length]!));
    const r = await upload(app, 'planner', 'hidden-hazards', await register(rows), XLSX, { dryRun: 'false', filename: '隐患台账.xlsx' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ created: 20, rows: 20 });

    const got = await stored();
    expect(got).toHaveLength(20);
    for (const [k, h] of got.entries()) {
      const i = k + 1;
      const at = places[k % places.length]!;
      expect(h).toMatchObject({
        name: `第${i}处：安全出口堵塞，应急照明损坏`, description: `第${i}处：安全出口堵塞，应急照明损坏`, township_code: at.townshipCode,
        category: CATEGORY_KEYS[CATEGORIES[i % CATEGORIES.length]!], grade: i % 5 === 0 ? 'major' : 'general', discovery_source: i % 2 ? 'self-inspection' : 'department-inspection',
        finder: `检查员${i}`, responsible_unit: `整改单位${i}`, responsible_person: `责任人${i}`, measures: '清理通道，更换应急照明', funds_yuan: 1000 + i,
        contingency_plan: '整改期间专人值守', status: 'found', supervised: i % 5 === 0, sample: false,
      });
      expect(String(h.found_on)).toBe(`2026-10-${String(1 + i).padStart(2, '0')}`);
      expect(String(h.deadline)).toBe(`2026-12-${String(1 + i).padStart(2, '0')}`);
    }
    const audits = await app.t.db.selectFrom('audit_log').select(['action', 'feature_id', 'actor']).where('layer', '=', 'hidden-hazards').where('feature_id', 'in', got.map((h) => h.id)).execute();
    expect(audits.filter((a) => a.action === 'create').map((a) => a.feature_id).sort()).toEqual(got.map((h) => h.id).sort());
    const entry = await app.t.db.selectFrom('audit_log').select(['after']).where('layer', '=', 'hidden-hazards').where('action', '=', 'import').executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ filename: '隐患台账.xlsx', rows: 20 });
    // Each imported hazard's history starts with its 登记 step, as a recorded one's does: on its 发现日期, by the importer, naming the file and row.
    const steps = await app.t.db.selectFrom('hidden_hazard_steps').selectAll().where('hazard_id', 'in', got.map((h) => h.id)).orderBy('hazard_id').execute();
    expect(steps).toHaveLength(20);
    for (const [k, h] of got.entries()) {
      const s = steps.find((x) => x.hazard_id === h.id)!;
      expect(s).toMatchObject({ step: 'record', from_status: '', to_status: 'found', actor: 'planner', role: 'planner', note: `导入：隐患台账.xlsx（第 ${k + 2} 行）` });
      expect(String(s.on_date)).toBe(String(h.found_on));
    }
    const one = await fetch(`${app.url}/api/hidden-hazards/${got[0]!.id}`, { headers: { authorization: `Bearer ${await tokenFor(app, 'commander')}` } });
    expect(((await one.json()) as any).steps).toMatchObject([{ step: 'record', toStatus: 'found', actor: 'planner' }]);

    const list = await fetch(`${app.url}/api/hidden-hazards?open=true`, { headers: { authorization: `Bearer ${await tokenFor(app, 'commander')}` } });
    const codes = ((await list.json()) as any).features.map((f: any) => f.properties.code);
    expect(codes).toEqual(expect.arrayContaining(got.map((h) => h.code)));
  });

  it('serves the register import template in Chinese', async () => {
    const r = await fetch(`${app.url}/api/imports/hidden-hazards/template.xlsx`, { headers: { authorization: `Bearer ${await tokenFor(app, 'planner')}` } });
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    const headings = (wb.worksheets[0]!.getRow(1).values as unknown[]).map(String);
    for (const h of ['编号', '行业领域', '隐患等级', '发现方式', '责任单位', '整改措施', '整改时限', '应急预案']) expect(headings.some((x) => x.startsWith(h))).toBe(true);
  });
});
