import { Router } from 'express';
import { planIndicatorPut, planIndicatorsList } from '@riskmap/contract';
import { meetsTarget } from '@riskmap/config';
import { listIndicatorValues, upsertIndicatorValue, writeAudit } from '@riskmap/db';
import { shelterAreaPerCapita } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import { mountRoute } from '../http/mount-route.js';
import type { LayerCache } from '../services/layer-cache.js';
import { todayOf } from '../hidden-hazards/today.js';

/**
 * The plan's scoreboard: `GET /api/plan-indicators` (signed-in roles) gives each of the seven indicators with
 * target, comparison, values by year and a judgement of the latest; indicator 7 is computed by the same
 * per-capita function as the planning page. `PUT /api/plan-indicators/:key/:year` (admin) enters a year's value
 * with its source (versioned, audited).
 * @example curl -b jar -X PUT -d '{"value":0.12,"source":"2024年阳谷县国民经济和社会发展统计公报"}' /api/plan-indicators/fire-deaths-per-100k/2024
 */
export function planIndicatorsRouter(deps: AppDeps, layers: LayerCache): Router {
  const router = Router();
  const cfg = () => deps.config.domain.indicators;

  mountRoute(router, planIndicatorsList, async (_req, res) => {
    const today = todayOf(deps);
    const year = Number(today.slice(0, 4));
    const entered = await listIndicatorValues(deps.db);
    const [townships, shelters] = await Promise.all([layers.get('townships'), layers.get('shelters')]);
    const perCapita = shelterAreaPerCapita(townships as never, shelters as never, { shelters: deps.config.domain.shelters });
    const sampleLayers = [...townships.features, ...shelters.features].some((f) => f.properties?.sample === true);
    const items = cfg().items.map((def) => {
      const values = entered.filter((v) => v.indicatorKey === def.key).map(({ indicatorKey: _k, ...v }) => ({ ...v, computed: false }));
      if (def.basis === 'per-capita-shelter-county-town' && perCapita.countyTown?.perCapitaM2 != null) {
        const computed = { year, value: perCapita.countyTown.perCapitaM2, source: 'riskmap 计算：县城开放及已建避难场所有效面积 ÷ 县城常住人口（与规划页同一函数）', note: '', sample: sampleLayers, version: 0, enteredBy: 'riskmap', enteredAt: today, computed: true };
        const i = values.findIndex((v) => v.year === year);
        if (i >= 0) values.splice(i, 1, computed);
        else values.push(computed);
      }
      values.sort((a, b) => a.year - b.year);
      const latest = values.at(-1) ?? null;
      return { ...def, values, latest, meets: latest ? meetsTarget(latest.value, def.target, def.comparison) : null };
    });
    res.set('Cache-Control', 'no-store').json({ planSource: cfg().planSource, today, items, sample: items.some((i) => i.values.some((v) => v.sample)) });
  });

  mountRoute(router, planIndicatorPut, async (_req, res, { params: p, body }) => {
    const def = cfg().items.find((i) => i.key === p.key);
    if (!def) throw new HttpError(404, 'not_found', `no indicator "${p.key}"`, { field: 'key', allowed: cfg().items.map((i) => i.key) });
    if (def.basis !== 'entered' && p.year === Number(todayOf(deps).slice(0, 4))) {
      throw new HttpError(409, 'computed', `indicator ${def.no} (${def.zh}) is computed by riskmap for ${p.year}; enter only past years`, { field: 'year' });
    }
    const user = userOf(res)!;
    const outcome = await deps.db.transaction().execute(async (trx) => {
      const o = await upsertIndicatorValue(trx, { indicatorKey: def.key, year: p.year, value: body.value, source: body.source, note: body.note, enteredBy: user.username, version: body.version });
      if (o.ok) await writeAudit(trx, { actor: user.username, action: body.version ? 'update' : 'create', layer: 'plan-indicators', featureId: null, before: null, after: { key: def.key, ...o.value } });
      return o;
    });
    if (!outcome.ok) {
      const message = outcome.current ? `the value changed since you read it (now version ${outcome.current.version})` : 'no value for this year yet: send it without a version';
      throw new HttpError(409, 'version_conflict', message, { current: outcome.current, currentVersion: outcome.current?.version ?? null });
    }
    res.status(body.version ? 200 : 201).json(outcome.value);
  });

  return router;
}
