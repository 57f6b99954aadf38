/**
 * An independent exact peer for the siting benchmarks: CBC (Debian's coinor-cbc, `cbc` on PATH) solves
 * a model written in CPLEX LP format within a wall-clock budget, single-threaded, with zero gap
 * tolerance, and reports what it proved.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoverageModel } from '@riskmap/geo';

export interface CbcRun {
  optimal: boolean;
  /** Best integer objective found (null when none). */
  objective: number | null;
  /** Proven bound on the objective (equal to it when optimal). */
  bound: number | null;
  /** Indices j of the `y${j}` columns at 1. */
  chosen: number[];
  ms: number;
}

/** Whether `cbc` runs here. */
export async function cbcAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn('cbc', ['-quit'], { stdio: 'ignore' });
    p.on('error', () => resolve(false));
    p.on('exit', (code) => resolve(code === 0));
  });
}

/**
 * Solves the model with CBC within `budgetMs`.
 * @example (await runCbc(mclpModel(cs, 30), 600_000)).optimal
 */
export async function runCbc(model: CoverageModel, budgetMs: number): Promise<CbcRun> {
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-cbc-'));
  try {
    const lpFile = join(dir, 'model.lp');
    const solFile = join(dir, 'solution.txt');
    writeFileSync(lpFile, model.lp);
    const t0 = performance.now();
    const log = await new Promise<string>((resolve, reject) => {
      const p = spawn('cbc', [lpFile, 'sec', String(Math.max(1, Math.round(budgetMs / 1000))), 'ratio', '0', 'allow', '0', 'threads', '1', 'solve', 'solu', solFile]);
      let out = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.stderr.on('data', (d: Buffer) => (out += d.toString()));
      p.on('error', reject);
      p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`cbc exited ${code}: ${out.slice(-500)}`))));
    });
    const ms = performance.now() - t0;
    const optimal = /Result - Optimal solution found/.test(log);
    const num = (re: RegExp): number | null => {
      const m = re.exec(log);
      return m ? Number(m[1]) : null;
    };
    const objective = num(/Objective value:\s+(-?[\d.e+-]+)/);
    const bound = optimal ? objective : num(/(?:Upper|Lower) bound:\s+(-?[\d.e+-]+)/);
    const chosen: number[] = [];
    for (const line of readFileSync(solFile, 'utf8').split('\n')) {
      const m = /^\s*\d+\s+y(\d+)\s+(\S+)/.exec(line);
      if (m && Number(m[2]) > 0.5) chosen.push(Number(m[1]));
    }
    return { optimal, objective, bound, chosen: chosen.sort((a, b) => a - b), ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
