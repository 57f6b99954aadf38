import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { LAYER_IDS, type LayerId } from '@riskmap/geo';
import { LAYERS } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { tokenFor } from './edit-helpers.js';
import { upload } from './fixtures/import/upload.js';

const FORMATS = ['geojson', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
const TYPES: Record<Format, string> = { geojson: 'application/geo+json', csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const KEEP = 4; // rows kept from each export (bounded test time)

/** The export of a layer, cut to its first rows, with the name of its first record changed as a user would. */
async function editedExport(app: TestApp, layer: LayerId, format: Format, suffix: string): Promise<{ bytes: Buffer | string; code: string; name: string }> {
  const r = await fetch(`${app.url}/api/exports/${layer}.${format}`, { headers: { authorization: `Bearer ${await tokenFor(app, 'admin')}` } });
  expect(r.status).toBe(200);
  const bytes = Buffer.from(await r.arrayBuffer());
  if (format === 'geojson') {
    const fc = JSON.parse(bytes.toString('utf8'));
    fc.features = fc.features.slice(0, KEEP);
    const p = fc.features[0].properties;
    p.name = `${p.name}${suffix}`;
    return { bytes: JSON.stringify(fc), code: p.code, name: p.name };
  }
  if (format === 'csv') {
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    const rows = parsed.data.slice(0, KEEP);
    rows[0]!.name = `${rows[0]!.name}${suffix}`;
    return { bytes: '\uFEFF' + Papa.unparse({ fields: parsed.meta.fields!, data: rows.map((row) => parsed.meta.fields!.map((f) => row[f])) }), code: rows[0]!.code!, name: rows[0]!.name! };
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const sheet = wb.worksheets[0]!;
  const headings = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  for (let r = sheet.rowCount; r > KEEP + 1; r--) sheet.spliceRows(r, 1);
  const nameCell = sheet.getRow(2).getCell(headings.indexOf('name') + 1);
  nameCell.value = `${nameCell.value}${suffix}`;
  const code = String(sheet.getRow(2).getCell(headings.indexOf('code') + 1).value);
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), code, name: String(nameCell.value) };
}

describe.each(testBackends())('export → edit → update-by-code import on %s', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(() => app?.close());

  const stored = (layer: LayerId, code: string) => {
    const d = LAYERS[layer];
    let q = app.t.db.selectFrom(d.table as 'shelters').select(['id', 'name', 'version']).where('code', '=', code);
    if (d.where) q = q.where(d.where.column as 'code', '=', d.where.value);
    return q.executeTakeFirstOrThrow();
  };

  for (const layer of LAYER_IDS) {
    it.each(FORMATS)(`round-trips ${layer} as %s: one field changed, version up, audited, a stale file refused`, async (format) => {
      const file = await editedExport(app, layer, format, `（${format}改）`);
      const before = await stored(layer, file.code);
      const dry = await upload(app, 'admin', layer, file.bytes, TYPES[format], { mode: 'update', format });
      expect(dry.status).toBe(200);
      expect(dry.body.errors).toEqual([]);
      expect(dry.body.warnings).toEqual([]);
      expect(dry.body.changes).toMatchObject({ created: 0, updated: 1, unchanged: KEEP - 1 });
      expect(dry.body.changes.updatedRows[0]).toMatchObject({ code: file.code, fields: [{ field: 'name', label: '名称', old: before.name, new: file.name }] });

      const done = await upload(app, 'admin', layer, file.bytes, TYPES[format], { mode: 'update', format, dryRun: 'false' });
      expect(done.status).toBe(201);
      expect(done.body).toMatchObject({ created: 0, updated: 1 });
      const after = await stored(layer, file.code);
      expect(after).toMatchObject({ name: file.name, version: before.version + 1 });
      const audit = await app.t.db.selectFrom('audit_log').selectAll().where('layer', '=', layer).where('feature_id', '=', before.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
      const admin = await app.t.db.selectFrom('users').select('username').where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: 'update', actor: admin.username });
      expect((audit.after as { properties: { name: string } }).properties.name).toBe(file.name);
      expect((audit.before as { properties: { name: string } }).properties.name).toBe(before.name);

      const stale = await upload(app, 'admin', layer, file.bytes, TYPES[format], { mode: 'update', format });
      expect(stale.body.errors).toEqual([expect.objectContaining({ code: 'update.stale', field: 'version' })]);
      expect(stale.body.errors[0].message).toContain(`编号“${file.code}”的记录在导出后已被修改`);
      const refused = await upload(app, 'admin', layer, file.bytes, TYPES[format], { mode: 'update', format, dryRun: 'false' });
      expect(refused.status).toBe(400);
      expect((await stored(layer, file.code)).version).toBe(before.version + 1);
    });
  }
});
