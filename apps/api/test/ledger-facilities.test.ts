import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';

describe.each(testBackends().slice(0, 1))('台账 facility sheets on the %s backend', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => app?.close());

  it('lists every facility of each facility layer, with labels, basis (口径) and the 示例数据 flag', async () => {
    const res = await fetch(`${app.url}/api/planning/report.xlsx`, { headers: { authorization: `Bearer ${await app.login('planner')}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['人均避难面积台账', '服务覆盖', '应急避难场所台账', '消防站台账', '应急物资储备库台账']);
    const sheet = wb.getWorksheet('应急避难场所台账')!;
    const headings = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(headings).toEqual(['序号', '编号', '名称', '所属乡镇（街道）', '地址', '场所类别', '场地类型', '总面积（m²）', '有效面积（m²）', '可容纳人数（人）', '状态', '联系人', '联系电话', '最后修改', '示例数据']);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^口径：.*示例数据$/);
    const stored = await app.t.db.selectFrom('shelters').select(['code', 'name', 'capacity', 'status', 'shelter_class']).where('deleted_at', 'is', null).orderBy('code').execute();
    expect(sheet.rowCount).toBe(3 + stored.length);
    const first = (sheet.getRow(4).values as unknown[]).slice(1);
    const byCode = [...stored].sort((a, b) => a.code.localeCompare(b.code))[0]!;
    expect(first[1]).toBe(byCode.code);
    expect(first[2]).toBe(byCode.name);
    expect(first[9]).toBe(byCode.capacity);
    expect(['规划中', '已建成', '开放中', '已关闭']).toContain(first[10]);
    expect(first[14]).toBe('是');
    const stations = wb.getWorksheet('消防站台账')!;
    const n = await app.t.db.selectFrom('fire_stations').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    expect(stations.rowCount).toBe(3 + Number(n.n));
  });
});
