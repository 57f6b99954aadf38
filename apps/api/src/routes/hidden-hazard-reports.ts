import { Router } from 'express';
import { hiddenHazardBulletin, hiddenHazardRegister, hiddenHazardRiskPointFlags, hiddenHazardStatistics } from '@riskmap/contract';
import { listHazardRows, listHazardSteps, townshipNames } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';
import { hazardStatistics } from '../hidden-hazards/hazard-statistics.js';
import { hazardState } from '../hidden-hazards/hazard-state.js';
import { bulletinWorkbook, registerWorkbook } from '../hidden-hazards/hazard-workbooks.js';
import { todayOf } from '../hidden-hazards/today.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Last day (YYYY-MM-DD) of a month YYYY-MM. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Hidden-hazard figures (signed-in roles only): `GET /api/hidden-hazards/statistics?by=township|category&from=&to=`,
 * `GET /api/hidden-hazards/risk-point-flags` (risk points with an open hazard of a flagged grade; levels unchanged),
 * `GET /api/hidden-hazards/register.xlsx` (隐患台账) and `GET /api/hidden-hazards/bulletin.xlsx?month=YYYY-MM` (月度通报).
 * @example curl -b jar '/api/hidden-hazards/statistics?by=township'
 */
export function hiddenHazardReportsRouter(deps: AppDeps): Router {
  const router = Router();
  const cfg = () => deps.config.domain.hiddenHazards;

  mountRoute(router, hiddenHazardStatistics, async (_req, res, { query: q }) => {
    const [rows, names] = await Promise.all([listHazardRows(deps.db), townshipNames(deps.db)]);
    const s = hazardStatistics(rows, { by: q.by, today: todayOf(deps), from: q.from, to: q.to, cfg: cfg() });
    const label = (k: string) => (q.by === 'township' ? (names.get(k) ?? (k || '未定位')) : (cfg().categories[k]?.zh ?? k));
    res.set('Cache-Control', 'no-store').json({
      ...s,
      groups: s.groups.map((g) => ({ ...g, name: label(g.key) })),
      recurring: { ...s.recurring, units: s.recurring.units.map((u) => ({ ...u, townshipName: names.get(u.townshipCode ?? '') ?? null })) },
      sample: rows.some((r) => r.sample),
      basis: {
        zh: '发现 = 发现日期在统计期内的隐患；已销号、逾期按今天计；整改率 = 已销号 ÷ 发现；平均整改天数 = 销号日期 − 发现日期 的平均值',
        en: 'found = hazards found in the period; closed and overdue as of today; rate = closed ÷ found; mean days = closedOn − foundOn',
      },
    });
  });

  mountRoute(router, hiddenHazardRiskPointFlags, async (_req, res) => {
    const today = todayOf(deps);
    const grades = cfg().flagRiskPointGrades;
    const flags = new Map<string, string[]>();
    for (const r of await listHazardRows(deps.db)) {
      if (!r.riskPointCode || !grades.includes(r.grade) || !hazardState(r, today, cfg()).open) continue;
      flags.set(r.riskPointCode, [...(flags.get(r.riskPointCode) ?? []), r.code]);
    }
    res.set('Cache-Control', 'no-store').json({ rule: { grades, levelChanged: false }, riskPoints: [...flags].map(([code, hazards]) => ({ code, hazards })) });
  });

  mountRoute(router, hiddenHazardRegister, async (_req, res) => {
    const today = todayOf(deps);
    const [rows, steps, townships] = await Promise.all([listHazardRows(deps.db), listHazardSteps(deps.db), townshipNames(deps.db)]);
    const bytes = await registerWorkbook(rows, steps, { today, cfg: cfg(), townships, sample: rows.some((r) => r.sample) });
    res.attachment(`hidden-hazard-register-${today.replaceAll('-', '')}.xlsx`).set('Cache-Control', 'no-store').type(XLSX).send(bytes);
  });

  mountRoute(router, hiddenHazardBulletin, async (_req, res, { query }) => {
    const today = todayOf(deps);
    const month = query.month ?? today.slice(0, 7);
    const [rows, names] = await Promise.all([listHazardRows(deps.db), townshipNames(deps.db)]);
    const end = monthEnd(month);
    const pair = (by: 'township' | 'category') =>
      [hazardStatistics(rows, { by, today, from: `${month}-01`, to: end, cfg: cfg() }), hazardStatistics(rows, { by, today, to: end, cfg: cfg() })] as [ReturnType<typeof hazardStatistics>, ReturnType<typeof hazardStatistics>];
    const label = (by: 'township' | 'category', k: string) => (by === 'township' ? (names.get(k) ?? (k || '未定位')) : (cfg().categories[k]?.zh ?? k));
    const bytes = await bulletinWorkbook(month, { township: pair('township'), category: pair('category') }, { names: label, sample: rows.some((r) => r.sample), today });
    res.attachment(`hidden-hazard-bulletin-${month}.xlsx`).set('Cache-Control', 'no-store').type(XLSX).send(bytes);
  });

  return router;
}
