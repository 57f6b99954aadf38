import type { Highs } from 'highs';

type Loader = () => Promise<Highs>;

let loading: Promise<Highs> | null = null;

/**
 * Loads the HiGHS WebAssembly solver once per process and returns the shared instance.
 * @example const highs = await loadHighs(); solvePMedian(matrix, { p: 3, highs });
 */
export function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = import('highs').then((m) => {
      // highs ships CommonJS types; under NodeNext the loader may sit one `default` deeper.
      const mod = m as unknown as { default: Loader | { default: Loader } };
      const load = typeof mod.default === 'function' ? mod.default : mod.default.default;
      return load();
    });
  }
  return loading;
}
