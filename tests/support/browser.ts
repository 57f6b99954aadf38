import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Flags that give headless Debian Chromium a software WebGL2 context (SwiftShader through ANGLE). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Launch Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A response a test provokes on purpose (a wrong password, a 409 conflict): its status and a pattern of its path.
 * Status 0 declares "no answer" (the test stops the server): the browser's net::ERR_… console errors for that path.
 */
export interface ExpectedFailure {
  status: number;
  path: RegExp;
}

export interface Guarded {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but the test server, which were aborted. */
  external: string[];
  /**
   * console.error messages, uncaught page errors and every 4xx/5xx answer of the test server that the test did not
   * declare (`expected`): a flow fails on any of them.
   */
  errors: string[];
  /** The declared failures; a test may push to it before the step that provokes one. */
  expected: ExpectedFailure[];
  /** The declared failures that did happen (for the test to assert that it provoked them). */
  seen: string[];
}

export interface GuardOptions {
  /** Failures this test provokes on purpose; any other 4xx/5xx answer or console error is an error. */
  expected?: ExpectedFailure[];
}

/**
 * A context whose every request to a host other than the server's is aborted and recorded, so a test
 * can assert the app made no external request; console errors and unexpected 4xx/5xx answers are collected too.
 */
export async function guardedPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}, guard: GuardOptions = {}): Promise<Guarded> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  const origin = new URL(baseUrl).origin;
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const seen: string[] = [];
  const expected = [...(guard.expected ?? [])];
  const declared = (status: number, url: string) => {
    if (!url.startsWith(origin)) return false;
    const path = new URL(url).pathname;
    return expected.some((x) => x.status === status && x.path.test(path));
  };
  // Every page of the context (tests open more than one), not only the first.
  const watch = (p: Page) => {
    p.on('response', (r) => {
      if (r.status() < 400 || !r.url().startsWith(origin)) return;
      const what = `${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`;
      if (declared(r.status(), r.url())) seen.push(what);
      else errors.push(`unexpected answer ${what}`);
    });
    p.on('console', (m) => {
      if (m.type() !== 'error') return;
      const at = m.location().url;
      const status = /status of (\d{3})/.exec(m.text());
      // The browser logs a failed resource of the server as a console error: the answer itself is judged above.
      if (status && at.startsWith(origin)) return;
      // No answer at all (net::ERR_…) from a path the test declared with status 0 (it stopped the server on purpose).
      if (/net::ERR_/.test(m.text())) {
        const url = [at, ...(m.text().match(/https?:\/\/\S+/g) ?? [])].find((u) => declared(0, u));
        if (url) return void seen.push(`no answer ${new URL(url).pathname}`);
      }
      errors.push(`${m.text()} (${at})`);
    });
    p.on('pageerror', (e) => errors.push(String(e)));
  };
  watch(page);
  context.on('page', (p) => {
    if (p !== page) watch(p);
  });
  return { context, page, external, errors, expected, seen };
}

/** Fail when the guarded pages met an undeclared 4xx/5xx answer, a console error or an external request. */
export function expectClean(g: Pick<Guarded, 'errors' | 'external'>): void {
  const problems = [...g.errors, ...g.external.map((u) => `external request ${u}`)];
  if (problems.length > 0) throw new Error(`the flow met ${problems.length} unexpected error(s):\n${problems.join('\n')}`);
}

/** Resolve when the command map has installed its layers and reached `idle`. */
export async function waitForMapIdle(page: Page, handle = '__riskmap', timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction((h) => {
    const w = window as unknown as Record<string, { map?: unknown; ready?: boolean } | undefined>;
    return h === '__riskmap' ? w[h]?.ready === true : Boolean(w[h]);
  }, handle, { timeout: timeoutMs });
  await page.evaluate(
    (h) =>
      new Promise<void>((resolve) => {
        const w = window as unknown as Record<string, unknown>;
        const entry = w[h] as { map?: unknown } | undefined;
        const map = (h === '__riskmap' ? entry?.map : entry) as { loaded(): boolean; once(ev: string, cb: () => void): void; triggerRepaint(): void };
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
    handle,
  );
}

/** The first admin the e2e server is started with (ADMIN_USERNAME / ADMIN_PASSWORD). */
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password' };

/** Sign the context in through the API (the session cookie is stored in the context). */
export async function signIn(context: BrowserContext, user = E2E_ADMIN): Promise<void> {
  const res = await context.request.post('/api/auth/login', { data: user });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
}
