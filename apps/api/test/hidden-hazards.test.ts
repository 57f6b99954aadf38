import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { call } from './edit-helpers.js';
import { FIVE_IN_PLACE, recordHazard, step } from './hidden-hazard-helpers.js';

describe.each(testBackends())('the hidden-hazard flow on %s', (backend) => {
  let app: TestApp;
  let now = new Date('2026-12-01T04:00:00Z');
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', {}, { clock: () => now });
  });
  afterAll(() => app?.close());

  it('records a hazard at a risk point as 已发现 with its township and a 登记 step', async () => {
    const h = await recordHazard(app);
    expect(h.properties.status).toBe('found');
    expect(h.properties.shownZh).toBe('已发现');
    expect(h.properties.townshipCode).toMatch(/^371521/);
    const detail = await call(app, 'commander', 'GET', `/api/hidden-hazards/${h.id}`);
    expect(detail.body.steps.map((s: any) => s.step)).toEqual(['record']);
  });

  it('marks a 重大 hazard 挂牌督办 when it is recorded', async () => {
    const h = await recordHazard(app, { grade: 'major' });
    expect(h.properties.supervised).toBe(true);
  });

  it('refuses a step from the wrong status with 409 naming the step', async () => {
    const h = await recordHazard(app);
    const r = await step(app, 'commander', h.id, { step: 'close', version: h.properties.version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('illegal_step');
    expect(r.body.error.details.step).toBe('close');
    expect(r.body.error.message).toContain('验收销号');
  });

  it('refuses a step by a role not allowed to take it with 403 naming the step', async () => {
    const h = await recordHazard(app);
    const r = await step(app, 'commander', h.id, { step: 'assign', version: h.properties.version, properties: FIVE_IN_PLACE });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'step_forbidden', details: { step: 'assign', role: 'commander' } });
    const record = await call(app, 'commander', 'POST', '/api/hidden-hazards', { type: 'Feature', geometry: { type: 'Point', coordinates: [115.78, 36.11] }, properties: {} });
    expect(record.status).toBe(403);
    expect(record.body.error.details.step).toBe('record');
  });

  it('needs the five 到位 to assign, naming the missing fields', async () => {
    const h = await recordHazard(app);
    const r = await step(app, 'planner', h.id, { step: 'assign', version: h.properties.version, properties: { responsibleUnit: '示例单位' } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields.map((f: any) => f.field)).toEqual(['properties.responsiblePerson', 'properties.measures', 'properties.fundsYuan', 'properties.deadline', 'properties.contingencyPlan']);
  });

  it('closes the loop: assign, report, reject, report, verify and close, each step dated and audited', async () => {
    const h = await recordHazard(app);
    let v = h.properties.version;
    for (const [role, body] of [
      ['planner', { step: 'assign', properties: FIVE_IN_PLACE, onDate: '2026-11-21' }],
      ['planner', { step: 'report', note: '已整改', onDate: '2026-11-25' }],
      ['commander', { step: 'reject', note: '警示标识不全' }],
      ['planner', { step: 'report', note: '已补齐' }],
      ['commander', { step: 'close', note: '验收合格' }],
    ] as const) {
      const r = await step(app, role, h.id, { ...body, version: v });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      v = r.body.properties.version;
    }
    const detail = await call(app, 'commander', 'GET', `/api/hidden-hazards/${h.id}`);
    expect(detail.body.properties).toMatchObject({ status: 'closed', shownZh: '已销号', closedOn: '2026-12-01', open: false, responsiblePerson: '张三' });
    expect(detail.body.steps.map((s: any) => [s.step, s.onDate])).toEqual([
      ['record', '2026-11-20'], ['assign', '2026-11-21'], ['report', '2026-11-25'], ['reject', '2026-12-01'], ['report', '2026-12-01'], ['close', '2026-12-01'],
    ]);
    const audit = await call(app, 'admin', 'GET', `/api/audit?layer=hidden-hazards&id=${h.id}`);
    expect(audit.body.entries?.length ?? audit.body.length).toBeGreaterThanOrEqual(6);
  });

  it('answers 409 version_conflict to a step with a stale version', async () => {
    const h = await recordHazard(app);
    const ok = await step(app, 'planner', h.id, { step: 'assign', version: h.properties.version, properties: FIVE_IN_PLACE });
    expect(ok.status).toBe(200);
    const stale = await step(app, 'planner', h.id, { step: 'report', version: h.properties.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: { step: 'report', currentVersion: ok.body.properties.version } });
  });

  it('refuses a plain edit of the status (the flow owns it)', async () => {
    const h = await recordHazard(app);
    const r = await call(app, 'planner', 'PATCH', `/api/layers/hidden-hazards/${h.id}`, { version: h.properties.version, properties: { status: 'closed' } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('use_flow');
  });

  it('shows 逾期 from the day after the deadline, by the injected clock, without storing it', async () => {
    const h = await recordHazard(app);
    await step(app, 'planner', h.id, { step: 'assign', version: h.properties.version, properties: { ...FIVE_IN_PLACE, deadline: '2026-12-10' } });
    const shown = async () => (await call(app, 'commander', 'GET', `/api/hidden-hazards/${h.id}`)).body.properties;
    now = new Date('2026-12-10T15:59:00Z'); // 23:59 on the deadline in Asia/Shanghai
    expect(await shown()).toMatchObject({ overdue: false, shownZh: '整改中' });
    now = new Date('2026-12-10T16:00:00Z'); // 00:00 on the day after
    expect(await shown()).toMatchObject({ overdue: true, shown: 'overdue', shownZh: '逾期', status: 'rectifying' });
    const stored = await app.t.db.selectFrom('hidden_hazards').select('status').where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('rectifying');
    now = new Date('2026-12-01T04:00:00Z');
  });
});
