import { Router } from 'express';
import { Layers, importTemplate as templateRoute, labelIn } from '@riskmap/contract';
import { layerDescriptor, sql } from '@riskmap/db';
import { LAYER_IDS } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { mountRoute } from '../http/mount-route.js';
import { requestLocale } from '../import/messages.js';
import { importTemplate } from '../import/template-xlsx.js';

/**
 * `GET /api/imports/:layer/template.xlsx` (planner, admin): the layer's import template in the user's language.
 * @example curl -H 'Authorization: Bearer …' -o 模板.xlsx '/api/imports/shelters/template.xlsx'
 */
export function importTemplateRouter(deps: AppDeps): Router {
  const router = Router();
  mountRoute(router, templateRoute, async (req, res, { params }) => {
    const d = layerDescriptor(params.layer);
    if (!d) throw new HttpError(404, 'unknown_layer', `unknown layer "${params.layer}"`, { field: 'layer', allowed: LAYER_IDS });
    const locale = requestLocale(req);
    const seat = await deps.db
      .selectFrom('admin_areas')
      .select(['code', sql<number>`ST_X(seat)`.as('lon'), sql<number>`ST_Y(seat)`.as('lat')])
      .where('level', '=', 'township')
      .where('deleted_at', 'is', null)
      .where('seat', 'is not', null)
      .orderBy('code')
      .executeTakeFirst();
    if (!seat) throw new HttpError(409, 'no_townships', 'the county has no township with a seat yet: import the townships first', { field: 'layer' });
    const title = labelIn(Layers.labels[d.id], locale);
    const bytes = await importTemplate(d.id, locale, { lon: Number(seat.lon), lat: Number(seat.lat), townshipCode: seat.code }, title);
    const filename = `${title}${locale === 'en' ? '-template' : '导入模板'}.xlsx`;
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="${d.id}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.send(bytes);
  });
  return router;
}
