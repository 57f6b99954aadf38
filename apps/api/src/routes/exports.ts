import { Router } from 'express';
import { z } from 'zod';
import { getLayer } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { readableLayer } from '../ogc/layer-access.js';
import { defineOperation } from '../openapi/registry.js';
import { toTable } from '../export/table-rows.js';
import { toCsv } from '../export/write-csv.js';
import { toXlsx } from '../export/write-xlsx.js';

const EXPORT_FORMATS = ['geojson', 'csv', 'xlsx'] as const;

const exportOp = defineOperation({
  method: 'get',
  path: '/api/exports/{file}',
  summary: 'Download a layer as GeoJSON, CSV (UTF-8 with BOM) or XLSX: /api/exports/shelters.csv',
  description:
    'file = <layer>.<geojson|csv|xlsx>. Anonymous users get public layers, public rows and public fields only (401 otherwise). ' +
    'CSV and XLSX have one column per property (objects as JSON text) and lon/lat for points or geometry (GeoJSON text) otherwise; they import back unchanged.',
  tags: ['exports'],
  params: z.object({ file: z.string().regex(/^[a-z-]+\.(geojson|csv|xlsx)$/, 'expected <layer>.<geojson|csv|xlsx>') }),
  query: z.object({}),
  responses: {
    200: { description: 'the file, with Content-Disposition: attachment' },
    401: { description: 'layer not public; sign in' },
    400: { description: 'not <layer>.<geojson|csv|xlsx>' },
    404: { description: 'unknown layer' },
  },
});

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
  router.get('/exports/:file', async (req, res) => {
    const { file } = exportOp.params.parse(req.params);
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
      res.send(toCsv(toTable(fc)));
    } else {
      res.send(await toXlsx(toTable(fc), d.title.zh));
    }
  });
  return router;
}
