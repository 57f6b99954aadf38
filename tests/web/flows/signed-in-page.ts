import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { expectClean, guardedPage, signIn, waitForMapIdle, type Guarded } from '../../support/browser.js';
import type { Env } from './env.js';

/**
 * A guarded page signed in as the e2e user for the tests of one describe block: opened before them (with `open`, at
 * that path with the map drawn), closed after them and failing them on any console error or unexpected answer.
 * Returns the page's getter (set once the block's tests run).
 * @example const page = signedInPage(env, { viewport: { width: 1600, height: 900 }, locale: 'zh-CN' }, '/')
 */
export function signedInPage(env: Env, options: BrowserContextOptions, open?: string): () => Guarded {
  let g: Guarded | undefined;
  beforeAll(async () => {
    g = await guardedPage(env.browser, env.server.url, options);
    await signIn(g.context);
    if (open === undefined) return;
    await g.page.goto(open);
    await waitForMapIdle(g.page);
  });
  afterAll(async () => {
    await g?.context.close();
    if (g) expectClean(g);
  });
  return () => g!;
}
