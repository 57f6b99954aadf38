import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { testBackends } from '@riskmap/db/testing';
import * as contract from '@riskmap/contract';
import type { RouteContract } from '@riskmap/contract';
import { startTestApp, type TestApp } from './harness.js';

/** A request to a converted route: its contract's example, or a call that reaches a 2xx answer (ids filled in from earlier answers). */
interface Probe {
  route: RouteContract;
  path?: string | ((seen: Record<string, any>) => string);
  body?: unknown | ((seen: Record<string, any>) => unknown);
  /** Keep the answer under this name for later probes. */
  as?: string;
  /** The status this probe must answer (default: any 2xx). */
  status?: number;
  /** The media type answered when it differs from the documented one (per-capita's format=geojson). */
  type?: string;
  /** A file body (sent as is with this media type) instead of JSON. */
  file?: { bytes: Uint8Array; type: string };
}

/** The smallest PNG (1 × 1). */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

const c = contract;
const PROBES: Probe[] = [
  { route: c.analyticsRiskMap },
  { route: c.analyticsRiskMap, path: '/api/analytics/risk-map?by=grid&cell=2000&includeEmpty=true' },
  { route: c.analyticsRiskDensity },
  { route: c.analyticsShelterPerCapita },
  { route: c.analyticsShelterPerCapita, path: '/api/analytics/shelter-per-capita?format=geojson', type: 'application/geo+json' },
  { route: c.analyticsCoverage },
  { route: c.analyticsCoverage, path: '/api/analytics/coverage?facility=fire-stations&riskWeighting=true' },
  { route: c.analyticsCoverage, path: '/api/analytics/coverage?facility=warehouses' },
  { route: c.sitingRun, body: { problem: 'mclp', p: 1, radiusM: 1000 }, as: 'run' },
  { route: c.sitingRun, body: { problem: 'shelter-gap' } },
  { route: c.sitingRun, body: { problem: 'mclp', p: 1, radiusM: 1000, async: true }, as: 'job', status: 202 },
  { route: c.sitingJobGet, path: (s) => `/api/siting/jobs/${s.job.id}` },
  { route: c.sitingScenarioSave, body: (s) => ({ name: 'contract check', runId: s.run.runId }), as: 'saved', status: 201 },
  { route: c.sitingScenarioList },
  { route: c.sitingScenarioGet, path: (s) => `/api/siting/scenarios/${s.saved.id}` },
  { route: c.sitingScenarioDelete, path: (s) => `/api/siting/scenarios/${s.saved.id}`, status: 204 },
  { route: c.incidentImpact, body: { location: [115.79, 36.11], type: 'fire' } },
  { route: c.hiddenHazardVocabulary },
  { route: c.hiddenHazardList, as: 'hazards' },
  { route: c.hiddenHazardGet, path: (s) => `/api/hidden-hazards/${s.hazards.features[0].id}` },
  {
    route: c.hiddenHazardRecord,
    body: { type: 'Feature', geometry: { type: 'Point', coordinates: [115.78, 36.11] }, properties: { name: '契约检查隐患', category: 'fire', grade: 'general', discoverySource: 'department-inspection', finder: '检查组' } },
    as: 'recorded',
    status: 201,
  },
  {
    route: c.hiddenHazardStep,
    path: (s) => `/api/hidden-hazards/${s.recorded.id}/steps`,
    body: (s) => ({ step: 'assign', version: s.recorded.properties.version, properties: { responsibleUnit: '示例单位', responsiblePerson: '张三', measures: '清理通道', fundsYuan: 2000, deadline: '2026-12-10', contingencyPlan: '专人值守' } }),
  },
  { route: c.hiddenHazardAttach, path: (s) => `/api/hidden-hazards/${s.recorded.id}/attachments?filename=dot.png`, file: { bytes: PNG, type: 'image/png' }, as: 'attached', status: 201 },
  { route: c.hiddenHazardAttachment, path: (s) => `/api/hidden-hazards/${s.recorded.id}/attachments/${s.attached.id}` },
  { route: c.hiddenHazardStatistics },
  { route: c.hiddenHazardStatistics, path: '/api/hidden-hazards/statistics?by=category' },
  { route: c.hiddenHazardRiskPointFlags },
  { route: c.hiddenHazardRegister },
  { route: c.hiddenHazardBulletin },
  { route: c.planIndicatorsList, as: 'indicators' },
  {
    route: c.planIndicatorPut,
    path: (s) => `/api/plan-indicators/${s.indicators.items.find((i: any) => i.basis === 'entered').key}/2020`,
    body: { value: 1, source: '契约检查' },
    status: 201,
  },
];

describe.each(testBackends())('route contracts of analytics, siting, incidents, hidden hazards and plan indicators answer as described on %s', (backend) => {
  let app: TestApp;
  let headers: Record<string, string>;
  const seen: Record<string, any> = {};
  beforeAll(async () => {
    app = await startTestApp(backend);
    headers = { authorization: `Bearer ${await app.login('admin')}`, 'content-type': 'application/json' };
  });
  afterAll(async () => app?.close());

  it.each(PROBES.map((p, i) => [`${p.route.method} ${p.route.path} #${i}`, p] as const))('%s', async (_label, p) => {
    const path = typeof p.path === 'function' ? p.path(seen) : (p.path ?? p.route.example?.path ?? p.route.path);
    const body = typeof p.body === 'function' ? p.body(seen) : p.body;
    const init = p.file
      ? { method: p.route.method, headers: { ...headers, 'content-type': p.file.type }, body: p.file.bytes }
      : { method: p.route.method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
    const res = await fetch(`${app.url}${path}`, init);
    const text = await res.text();
    if (p.status) expect(res.status, text.slice(0, 300)).toBe(p.status);
    else expect(res.status >= 200 && res.status < 300, `${res.status} ${text.slice(0, 300)}`).toBe(true);
    const documented = p.route.responses[res.status];
    expect(documented, `status ${res.status} is documented`).toBeDefined();
    if (documented!.contentType) expect(res.headers.get('content-type') ?? '').toContain(p.type ?? documented!.contentType);
    if (!documented!.schema) return;
    const answer = JSON.parse(text);
    const parsed = (documented!.schema as z.ZodType).safeParse(answer);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    if (p.as) seen[p.as] = answer;
  });

  it('keeps the old what-if path unmounted', async () => {
    const res = await fetch(`${app.url}/api/scenarios/impact`, { method: 'POST', headers, body: JSON.stringify({ location: [115.79, 36.11], type: 'fire' }) });
    expect(res.status).toBe(404);
  });
});
