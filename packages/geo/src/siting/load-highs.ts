import type { Highs } from 'highs';

let loading: Promise<Highs> | null = null;

/**
 * Loads the HiGHS WebAssembly solver once per process and returns the shared instance.
 * @example const highs = await loadHighs(); solvePMedian(matrix, { p: 3, highs });
 */
export function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = import('highs').then((m) => m.default());
  }
  return loading;
}
