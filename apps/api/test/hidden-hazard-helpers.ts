import type { TestApp } from './harness.js';
import { call } from './edit-helpers.js';

/** A risk point of the sample (code, township, lon/lat), read from the database. */
export async function someRiskPoint(app: TestApp, offset = 0): Promise<{ code: string; townshipCode: string | null; lonLat: [number, number] }> {
  const r = await app.t.db
    .selectFrom('risk_points')
    .select(['code', 'township_code'])
    .select((eb) => [eb.fn<number>('ST_X', ['geom']).as('lon'), eb.fn<number>('ST_Y', ['geom']).as('lat')])
    .where('deleted_at', 'is', null)
    .where('township_code', 'is not', null)
    .orderBy('id')
    .offset(offset)
    .executeTakeFirstOrThrow();
  return { code: r.code, townshipCode: r.township_code, lonLat: [Number(r.lon), Number(r.lat)] };
}

/** Record a hazard as a planner at a sample risk point; returns the created feature. */
export async function recordHazard(app: TestApp, props: Record<string, unknown> = {}, offset = 0) {
  const rp = await someRiskPoint(app, offset);
  const r = await call(app, 'planner', 'POST', '/api/hidden-hazards', {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: rp.lonLat },
    properties: { name: '测试隐患：消防通道堵塞', category: 'fire', grade: 'general', discoverySource: 'department-inspection', finder: '检查组', riskPointCode: rp.code, foundOn: '2026-11-20', ...props },
  });
  if (r.status !== 201) throw new Error(`record failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: number; properties: Record<string, any> };
}

export const FIVE_IN_PLACE = { responsibleUnit: '示例单位', responsiblePerson: '张三', measures: '清理通道，设置警示标识', fundsYuan: 2000, deadline: '2026-12-10', contingencyPlan: '整改期间专人值守' };

/** Take one step as a role with the version read. */
export function step(app: TestApp, role: Parameters<typeof call>[1], id: number, body: Record<string, unknown>) {
  return call(app, role, 'POST', `/api/hidden-hazards/${id}/steps`, body);
}
