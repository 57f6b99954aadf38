import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELTER_CLASSES } from '@riskmap/contract';
import { LAYERS, updateFeature, type Database, type Kysely } from '@riskmap/db';
import { openTestDatabase, testBackends, type TestDatabase } from '@riskmap/db/testing';
import { refusalOf } from '../src/editing/edit-rules.js';
import { refusalError } from '../src/routes/edit-answer.js';
import { HttpError } from '../src/http/http-error.js';

describe.each(testBackends())('an edit the rules did not refuse but the database does, on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'sample');
  });
  afterAll(() => t?.close());

  /** The answer an edit route gives when the database refuses a plain edit (bypassing the API's schemas). */
  async function refusedEdit(layer: 'shelters' | 'fire-stations', properties: Record<string, unknown>): Promise<HttpError> {
    const d = LAYERS[layer];
    const row = await (t.db as Kysely<Database>).selectFrom(d.table as 'shelters').select(['id', 'version']).orderBy('id').executeTakeFirstOrThrow();
    const err = await t.db.transaction().execute((trx) => updateFeature(trx, d, row.id, row.version, { properties }, { actor: 'test' })).then(() => null, (e: unknown) => e);
    const refusal = refusalOf(err);
    expect(refusal).toBeDefined();
    return refusalError(refusal!);
  }

  it('is a 400 naming the field and the values the vocabulary allows', async () => {
    const e = await refusedEdit('shelters', { shelterClass: 'bunker' });
    expect(e.status).toBe(400);
    expect(e.code).toBe('invalid_input');
    expect(e.details).toMatchObject({ fields: [{ field: 'properties.shelterClass', key: 'value.notOption', params: { allowed: [...SHELTER_CLASSES] } }] });
  });

  it('is a 400 naming the field for a number out of its range', async () => {
    const e = await refusedEdit('fire-stations', { turnoutMinutes: 0 });
    expect(e.status).toBe(400);
    expect(e.details).toMatchObject({ fields: [{ field: 'properties.turnoutMinutes' }] });
    expect(e.message).toMatch(/^properties\.turnoutMinutes: /);
  });
});
