import { Router } from 'express';
import { csvText, EXPORT_FORMATS, exportFile } from '@riskmap/contract';
import { getLayer } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { readableLayer } from '../ogc/layer-access.js';
import { mountRoute } from '../http/mount-route.js';
import { toTable } from '../export/table-rows.js';
import { toXlsx } from '../export/write-xlsx.js';

const MEDIA: Record<(typeof EXPORT_FORMATS)[number], string> = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * `GET /api/exports/:layer.(geojson|csv|xlsx)`: the whole live layer as the role may read it, as a download.
 * @example curl -OJ http://localhost:8080/api/exports/shelters.xlsx
 */
export function exportsRouter(deps: AppDeps): Router {
  const router = Router();
  mountRoute(router, exportFile, async (req, res, { params: { file } }) => {
    const dot = file.lastIndexOf('.');
    const format = file.slice(dot + 1) as (typeof EXPORT_FORMATS)[number];
    const { d, publicOnly, visibleColumns } = readableLayer(req, res, file.slice(0, dot), 'file');
    const fc = await getLayer(deps.db, d, { publicOnly, ...(publicOnly ? { columns: visibleColumns } : {}) });
    const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    res.attachment(`${d.id}-${stamp}.${format}`);
    res.set('Cache-Control', 'no-store');
    res.type(MEDIA[format]);
    if (format === 'geojson') {
      res.send(JSON.stringify({ ...fc, layer: { id: d.id, title: d.title } }));
    } else if (format === 'csv') {
      const table = toTable(fc);
      res.send(csvText(table.headings, table.rows));
    } else {
      res.send(await toXlsx(toTable(fc), d.title.zh));
    }
  });
  return router;
}
