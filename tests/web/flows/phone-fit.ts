import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What of a screen does not fit a phone: the page's own sideways scroll, and boxes inside `root` that leave the screen. */
export interface Fit {
  /** document.documentElement.scrollWidth (≤ the viewport's width when nothing scrolls the page sideways). */
  scrollWidth: number;
  /** Elements under `root` whose box leaves the screen sideways and that no scrolling box of their own holds. */
  outside: string[];
  /** Elements under `root` whose own text is smaller than `minPx`. */
  small: string[];
}

/** Measure how `root` fits the page's width (a wide table in a box that scrolls sideways by itself fits). */
export function fitOf(page: Page, root: string, minPx = 12): Promise<Fit> {
  return page.evaluate(
    ([root, minPx]) => {
      const width = document.documentElement.clientWidth;
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      const scrolls = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX);
      const held = (el: Element) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (scrolls(p)) {
            const r = p.getBoundingClientRect();
            return r.left >= -0.5 && r.right <= width + 0.5;
          }
        }
        return false;
      };
      const outside: string[] = [];
      const small: string[] = [];
      for (const el of Array.from(document.querySelectorAll(`${root}, ${root} *`))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if ((r.left < -0.5 || r.right > width + 0.5) && !held(el)) outside.push(name(el));
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (ownText && parseFloat(getComputedStyle(el).fontSize) < (minPx as number)) small.push(`${name(el)} ${getComputedStyle(el).fontSize}`);
      }
      return { scrollWidth: document.documentElement.scrollWidth, outside, small };
    },
    [root, minPx] as const,
  );
}

/** Expect `root` to fit a 390 px wide phone: no sideways page scroll, nothing off-screen, no text below `minPx`. */
export async function expectFits(page: Page, root: string, minPx = 12): Promise<void> {
  const fit = await fitOf(page, root, minPx);
  expect(fit.scrollWidth).toBeLessThanOrEqual(390);
  expect(fit.outside).toEqual([]);
  expect(fit.small).toEqual([]);
}
