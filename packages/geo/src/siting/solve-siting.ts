import { loadHighs } from './load-highs.js';
import type { SitingConfig, SitingProblem, SitingResult } from './siting-problem.js';
import { solveSitingWith } from './solve-siting-with.js';

/**
 * Solves one siting problem (LSCP, MCLP, p-median, p-center or shelter gap) from plain data, loading
 * HiGHS unless `exact: false`, with the defaults from `config`; throws `InputError` naming the field for bad input.
 * @example await solveSiting({ kind: 'mclp', demand, candidates, p: 2, radiusM: 1500 }, config.domain); // { chosen, objective, indicators, solver, ... }
 */
export async function solveSiting(problem: SitingProblem, config: SitingConfig): Promise<SitingResult> {
  const highs = problem?.exact === false ? null : await loadHighs();
  return solveSitingWith(problem, highs, config);
}
