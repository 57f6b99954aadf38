import { expect } from 'vitest';

/**
 * Record a 重大 hidden hazard at `at` through the API (the 登记 step), as a signed-in admin or planner, for a flow
 * that then works on it in the browser.
 * @example await recordMajorHazard(server.url, { authorization: `Bearer ${token}` }, [115.79, 36.11], '端到端测试：…')
 */
export async function recordMajorHazard(baseUrl: string, auth: Record<string, string>, at: [number, number], name: string): Promise<void> {
  const made = await fetch(`${baseUrl}/api/hidden-hazards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at },
      properties: { name, category: 'hazardous-chemicals', grade: 'major', discoverySource: 'department-inspection', finder: '县应急局检查组', foundOn: '2026-11-20' },
    }),
  });
  expect(made.status, await made.clone().text()).toBe(201);
}
