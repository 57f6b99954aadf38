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

export interface Guarded {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but the test server, which were aborted. */
  external: string[];
  /** console.error messages and uncaught page errors (404s of optional endpoints excepted, see `missing`). */
  errors: string[];
  /** Optional endpoints that answered 404 (the app tolerates them; listed for the report). */
  missing: string[];
}

/** Endpoints the app may call before the API provides them; their 404 is expected, not an error. */
export const OPTIONAL_ENDPOINTS = /\/api\/(config|events|analytics\/|shelters\/nearest)/;

/**
 * A context whose every request to a host other than the server's is aborted and recorded, so a test
 * can assert the app made no external request; console errors are collected too.
 */
export async function guardedPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<Guarded> {
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
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404 && OPTIONAL_ENDPOINTS.test(r.url())) missing.push(new URL(r.url()).pathname);
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const at = m.location().url;
    if (/Failed to load resource.*404/.test(m.text()) && OPTIONAL_ENDPOINTS.test(at)) return;
    errors.push(`${m.text()} (${at})`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, external, errors, missing };
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
