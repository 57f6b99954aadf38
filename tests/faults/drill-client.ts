/** Clients that read and write through the real API while the database misbehaves, recording every answer. */
export interface DrillTally {
  statuses: Map<number, number>;
  /** Codes of shelters whose create was acknowledged (201). */
  acknowledged: string[];
  hangs: number;
  otherErrors: string[];
  /** Statuses other than 2xx/503 with their bodies (for the failure message). */
  unexpected: string[];
  missingRetryAfter: number;
}

export function newTally(): DrillTally {
  return { statuses: new Map(), acknowledged: [], hangs: 0, otherErrors: [], unexpected: [], missingRetryAfter: 0 };
}

async function record(tally: DrillTally, request: () => Promise<Response>, onOk?: (body: unknown) => void): Promise<void> {
  try {
    const res = await request();
    tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
    const text = await res.text();
    if (res.status === 503 && !res.headers.get('retry-after')) tally.missingRetryAfter += 1;
    if (res.status < 300) onOk?.(text ? JSON.parse(text) : null);
    else if (res.status !== 503 && tally.unexpected.length < 20) tally.unexpected.push(`${res.status} ${text.slice(0, 300)}`);
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') tally.hangs += 1;
    else if (tally.otherErrors.length < 20) tally.otherErrors.push(String((err as Error).cause ?? err));
  }
}

/**
 * Run `clients` loops until `until()` is true: every third one creates shelters (admin token), the others read
 * the finder and a layer page. A request that takes longer than `hangMs` counts as a hang.
 */
export async function runClients(options: { url: string; token: string; clients: number; lonLat: [number, number]; until: () => boolean; hangMs?: number; tag: string }, tally: DrillTally): Promise<void> {
  const { url, token, lonLat } = options;
  const hang = options.hangMs ?? 20_000;
  let seq = 0;
  const loop = async (n: number) => {
    while (!options.until()) {
      if (n % 3 === 0) {
        const code = `${options.tag}-${n}-${seq++}`;
        const feature = {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [lonLat[0] + (seq % 50) * 1e-4, lonLat[1]] },
          properties: { code, name: '演练避难场所', shelterClass: 'emergency', siteType: 'park', totalAreaM2: 5000, effectiveAreaM2: 3000, capacity: 1500, status: 'built' },
        };
        await record(
          tally,
          () => fetch(`${url}/api/layers/shelters`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(feature), signal: AbortSignal.timeout(hang) }),
          () => tally.acknowledged.push(code),
        );
      } else if (n % 3 === 1) {
        await record(tally, () => fetch(`${url}/api/shelters/nearest?lon=${lonLat[0]}&lat=${lonLat[1]}&k=3`, { signal: AbortSignal.timeout(hang) }));
      } else {
        await record(tally, () => fetch(`${url}/api/layers/shelters?limit=5`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(hang) }));
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, n) => loop(n)));
}
