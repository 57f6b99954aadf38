import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call, tokenFor } from './edit-helpers.js';
import { FIVE_IN_PLACE, recordHazard, step } from './hidden-hazard-helpers.js';

const NOTE = '已书面报告县安委办、市应急管理局';

describe.each(testBackends())('上报 of 重大事故隐患 on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', {}, { clock: () => new Date('2026-12-01T04:00:00Z') });
  });
  afterAll(() => app?.close());

  it('lists 上报 in the configured flow: any open status, 重大 only, once, with a note', async () => {
    const v = (await call(app, 'commander', 'GET', '/api/hidden-hazards/vocabulary')).body;
    expect(v.flow.find((s: any) => s.key === 'escalate')).toMatchObject({ zh: '上报', from: '*', to: '*', grades: ['major'], once: true, needsNote: true });
  });

  it('refuses 上报 by a role the step does not allow (403 naming the step) and without a note (400 naming note)', async () => {
    const h = await recordHazard(app, { grade: 'major' });
    const wrong = await step(app, 'planner', h.id, { step: 'escalate', version: h.properties.version, note: NOTE });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: 'step_forbidden', details: { step: 'escalate', role: 'planner' } });
    expect(wrong.body.error.message).toContain('上报');
    const bare = await step(app, 'commander', h.id, { step: 'escalate', version: h.properties.version });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details).toMatchObject({ step: 'escalate', fields: [{ field: 'note' }] });
    const detail = (await call(app, 'commander', 'GET', `/api/hidden-hazards/${h.id}`)).body;
    expect(detail.steps.map((s: any) => s.step)).toEqual(['record']);
    expect(detail.properties.version).toBe(h.properties.version);
  });

  it('refuses 上报 of a 一般 hazard with 409 naming the step', async () => {
    const h = await recordHazard(app, { grade: 'general' });
    const r = await step(app, 'commander', h.id, { step: 'escalate', version: h.properties.version, note: NOTE });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'step_not_for_grade', details: { step: 'escalate', grade: 'general', grades: ['major'] } });
    expect(r.body.error.message).toContain('重大隐患');
  });

  it('records 上报 of a 重大 hazard with its date and note, keeps the status, audits it, and refuses a second one (409)', async () => {
    const h = await recordHazard(app, { grade: 'major' });
    const assigned = await step(app, 'planner', h.id, { step: 'assign', version: h.properties.version, onDate: '2026-11-21', properties: FIVE_IN_PLACE });
    expect(assigned.status).toBe(200);
    const r = await step(app, 'admin', h.id, { step: 'escalate', version: assigned.body.properties.version, onDate: '2026-11-24', note: NOTE });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.properties).toMatchObject({ status: 'rectifying', supervised: true, version: assigned.body.properties.version + 1 });

    const detail = (await call(app, 'commander', 'GET', `/api/hidden-hazards/${h.id}`)).body;
    expect(detail.steps.map((s: any) => s.step)).toEqual(['record', 'assign', 'escalate']);
    expect(detail.steps[2]).toMatchObject({ fromStatus: 'rectifying', toStatus: 'rectifying', onDate: '2026-11-24', note: NOTE, role: 'admin' });
    const audits = await app.t.db.selectFrom('audit_log').select(['action', 'actor']).where('layer', '=', 'hidden-hazards').where('feature_id', '=', h.id).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'update']);

    const again = await step(app, 'commander', h.id, { step: 'escalate', version: r.body.properties.version, note: NOTE });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'step_taken', details: { step: 'escalate' } });

    // still reportable from any open status, never once closed: the flow goes on as before
    const reported = await step(app, 'planner', h.id, { step: 'report', version: r.body.properties.version });
    expect(reported.body.properties.status).toBe('awaiting-acceptance');
  });

  it('refuses 上报 of a closed 重大 hazard (409 naming the step)', async () => {
    const h = await recordHazard(app, { grade: 'major' });
    let v = h.properties.version;
    for (const [role, s, extra] of [['planner', 'assign', { properties: FIVE_IN_PLACE }], ['planner', 'report', {}], ['commander', 'close', {}]] as const) {
      const r = await step(app, role, h.id, { step: s, version: v, ...extra });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      v = r.body.properties.version;
    }
    const r = await step(app, 'commander', h.id, { step: 'escalate', version: v, note: NOTE });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'illegal_step', details: { step: 'escalate', status: 'closed' } });
  });

  it('shows 上报 in the 台账 XLSX: date and note on the hazard row, a 上报 row in its history', async () => {
    const h = await recordHazard(app, { grade: 'major', name: '上报台账检查隐患' });
    const r = await step(app, 'commander', h.id, { step: 'escalate', version: h.properties.version, onDate: '2026-11-22', note: NOTE });
    expect(r.status).toBe(200);
    const x = await fetch(`${app.url}/api/hidden-hazards/register.xlsx`, { headers: { authorization: `Bearer ${await tokenFor(app, 'commander')}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('隐患台账')!;
    const headings = sheet.getRow(3).values as unknown[];
    const col = (name: string) => headings.indexOf(name);
    const row = sheet.getRows(4, sheet.rowCount - 3)!.find((rw) => rw.getCell(col('隐患编号')).value === h.properties.code)!;
    expect(row.getCell(col('上报日期')).value).toBe('2026-11-22');
    expect(row.getCell(col('上报说明')).value).toBe(NOTE);
    expect(row.getCell(col('挂牌督办')).value).toBe('是');
    const history = wb.getWorksheet('整改记录')!;
    const rows = history.getRows(2, history.rowCount - 1)!.filter((rw) => rw.getCell(1).value === h.properties.code).map((rw) => [rw.getCell(2).value, rw.getCell(5).value, rw.getCell(6).value]);
    expect(rows).toEqual([['登记', '2026-11-20', ''], ['上报', '2026-11-22', NOTE]]);
  });
});
