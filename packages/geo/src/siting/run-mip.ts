import type { Highs } from 'highs';

export type { Highs };

export interface MipRun {
  status: 'optimal' | 'time-limit' | 'infeasible' | 'other';
  /** Value of each requested column (0 when the run has no primal solution). */
  values: Float64Array;
  hasSolution: boolean;
  objective: number | null;
  /** Best proven bound (dual bound) on the objective. */
  bound: number | null;
}

/**
 * Solves a MIP written in CPLEX LP format with HiGHS and reads back the named columns.
 * @example runMip(highs, 'Minimize\n obj: y0 + y1\nSubject To\n c: y0 + y1 >= 1\nBinary\n y0 y1\nEnd', ['y0', 'y1'], { timeLimitMs: 1000 })
 */
export function runMip(
  highs: Highs,
  lp: string,
  columns: readonly string[],
  options: { timeLimitMs: number; start?: Record<string, number> },
): MipRun {
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(options.timeLimitMs, 1) / 1000,
      mip_rel_gap: 1e-9,
      mip_abs_gap: 1e-7,
      random_seed: 1,
    });
    // A column absent from the model (no term anywhere) reads as 0.
    const colIndex = (name: string): number => {
      try {
        return model.getColByName(name);
      } catch {
        return -1;
      }
    };
    const index = columns.map(colIndex);
    if (options.start) {
      const entries = Object.entries(options.start)
        .map(([name, v]) => [colIndex(name), v] as const)
        .filter((e) => e[0] >= 0);
      entries.sort((a, b) => a[0] - b[0]);
      try {
        model.setSolution({ indices: entries.map((e) => e[0]), values: entries.map((e) => e[1]) });
      } catch {
        // A rejected start only loses a warm start, never correctness.
      }
    }
    const started = performance.now();
    model.run();
    const elapsedMs = performance.now() - started;
    const code = model.getModelStatus();
    const s = highs.constants.modelStatus;
    // A run stopped before it could report (e.g. inside presolve) at its limit is a time-limit stop too.
    const status =
      code === s.optimal
        ? 'optimal'
        : code === s.timeLimit || code === s.interrupted
          ? 'time-limit'
          : code === s.infeasible
            ? 'infeasible'
            : elapsedMs >= Math.max(options.timeLimitMs, 1) * 0.99
              ? 'time-limit'
              : 'other';
    const primal = Number(model.info.get('primal_solution_status') ?? 0);
    const hasSolution = status === 'optimal' || primal === 2;
    const values = new Float64Array(columns.length);
    if (hasSolution) {
      const col = model.getSolution().colValue;
      index.forEach((k, n) => (values[n] = k >= 0 ? (col[k] ?? 0) : 0));
    }
    const rawBound = Number(model.info.get('mip_dual_bound'));
    return {
      status,
      values,
      hasSolution,
      objective: hasSolution ? model.getObjectiveValue() : null,
      bound: Number.isFinite(rawBound) ? rawBound : null,
    };
  } finally {
    model.dispose();
  }
}
