import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { tokenFor } from './edit-helpers.js';
import { badInputCases } from './corpus/bad-input-cases.js';

/** Does a 4xx answer name what was wrong: a field in details, or a field-prefixed message? */
function namesField(body: { error?: { code?: string; message?: string; details?: Record<string, unknown> } }): boolean {
  const e = body.error;
  if (!e?.code || !e.message) return false;
  const d = e.details ?? {};
  const fields = d.fields as { field?: string }[] | undefined;
  return Boolean(d.field || fields?.[0]?.field || (d.errors as unknown[] | undefined)?.length);
}

describe.each(testBackends())('a corpus of bad input on the %s backend', (backend) => {
  let app: TestApp;
  const cases = badInputCases();
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => app?.close());

  it(`answers all ${cases.length} bad requests below 500, without hanging, naming the field; the server stays healthy`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const c of cases) {
      const headers: Record<string, string> = {};
      if (c.role) headers.authorization = `Bearer ${await tokenFor(app, c.role)}`;
      if (c.contentType) headers['content-type'] = c.contentType;
      let res: Response;
      try {
        res = await fetch(`${app.url}${c.path}`, { method: c.method, headers, ...(c.body !== undefined ? { body: c.body } : {}), signal: AbortSignal.timeout(30_000) });
      } catch (err) {
        failures.push(`${c.label}: ${(err as Error).name === 'TimeoutError' ? 'hang' : String(err)}`);
        continue;
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = await res.text();
      if (res.status >= 500) failures.push(`${c.label}: ${res.status} ${text.slice(0, 200)}`);
      else if (res.status >= 400 && ![401, 403, 404, 409].includes(res.status)) {
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = {};
        }
        if (!namesField(body)) failures.push(`${c.label}: ${res.status} names no field: ${text.slice(0, 200)}`);
      }
    }
    console.log(`${backend}: ${cases.length} bad requests →`, Object.fromEntries([...statuses].sort()));
    if (failures.length) console.log(failures.join('\n'));
    expect(failures).toEqual([]);
    const health = await fetch(`${app.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });
});
