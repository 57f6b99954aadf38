/**
 * Probes for the multi-process suite: what one API process currently answers for a shelter (nearest,
 * analytics, tile ETag) and an SSE reader that records when each change arrived.
 */
export interface ShelterProbe {
  id: number;
  lon: number;
  lat: number;
}

export async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const r = await fetch(url, init);
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

/** The nearest shelters' names at the probe's location. */
export async function nearestNames(base: string, s: ShelterProbe): Promise<string[]> {
  const r = await json(`${base}/api/shelters/nearest?lon=${s.lon}&lat=${s.lat}&k=3`);
  const list = (r.body.shelters ?? r.body.results ?? r.body.features ?? r.body) as { name?: string; properties?: { name?: string } }[];
  return list.map((x) => x.name ?? x.properties?.name ?? '');
}

/** The county's shelter area per resident, as analytics answers it (text, to compare). */
export async function perCapita(base: string): Promise<string> {
  return JSON.stringify((await json(`${base}/api/analytics/shelter-per-capita`)).body);
}

/** The z14 public vector tile holding the probe: its ETag. */
export async function tileEtag(base: string, s: ShelterProbe): Promise<string> {
  const z = 14;
  const x = Math.floor(((s.lon + 180) / 360) * 2 ** z);
  const rad = (s.lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
  const r = await fetch(`${base}/tiles/shelters/${z}/${x}/${y}.mvt`);
  await r.arrayBuffer();
  return r.headers.get('etag') ?? '';
}

/** An open SSE stream: the change events seen so far, each with its arrival time. */
export interface EventLog {
  events: { id: string; data: any; at: number }[];
  close(): void;
  /** Resolves with the arrival time of the first event matching, or null after `timeoutMs`. */
  waitFor(match: (data: any) => boolean, timeoutMs?: number): Promise<number | null>;
}

export async function openEvents(base: string, headers: Record<string, string> = {}): Promise<EventLog> {
  const ac = new AbortController();
  const r = await fetch(`${base}/api/events`, { headers, signal: ac.signal });
  if (r.status !== 200) throw new Error(`events: ${r.status}`);
  const events: EventLog['events'] = [];
  const waiters = new Set<() => void>();
  let ready!: () => void;
  const opened = new Promise<void>((resolve) => (ready = resolve));
  void (async () => {
    const reader = r.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (block.includes('event: ready')) ready();
          if (!block.includes('event: change')) continue;
          events.push({ id: block.match(/^id: (\S+)$/m)![1]!, data: JSON.parse(block.match(/^data: (.*)$/m)![1]!), at: Date.now() });
          for (const w of waiters) w();
        }
      }
    } catch {
      /* closed */
    }
  })();
  await opened;
  return {
    events,
    close: () => ac.abort(),
    waitFor: (match, timeoutMs = 10_000) =>
      new Promise((resolve) => {
        const check = () => {
          const hit = events.find((e) => match(e.data));
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit.at);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve(null);
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** Poll `read` until it differs from `before` (or `timeoutMs`); the time it first did, or null. */
export async function changedAt<T>(read: () => Promise<T>, before: T, timeoutMs = 10_000): Promise<number | null> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if (JSON.stringify(await read()) !== JSON.stringify(before)) return Date.now();
    } catch {
      /* a process restarting: try again */
    }
    await new Promise((r) => setTimeout(r, 100)); // every 100 ms: the probes must not load the processes they measure
  }
  return null;
}
