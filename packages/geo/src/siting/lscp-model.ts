import type { CoverageSets } from './coverage-sets.js';
import { covererGroups } from './coverer-groups.js';
import { lpTerms } from './lp-text.js';
import type { CoverageModel } from './mclp-model.js';

/**
 * The location set covering problem as a MIP: the fewest candidates (binary y) so every demand group
 * that some candidate reaches has a chosen coverer; one row per distinct set of coverers (`covererGroups`).
 * @example lscpModel(coverageSets(matrix, 1500)).rows; // 2 310
 */
export function lscpModel(cs: CoverageSets): CoverageModel {
  const groups = covererGroups(cs);
  const rows = groups.map(({ js }, g) => ` c${g}:${lpTerms(js.map((j) => `1 y${j}`))} >= 1`);
  const columns = Array.from({ length: cs.c }, (_, j) => `y${j}`);
  const lp = `Minimize\n obj:${lpTerms(columns.map((y) => `1 ${y}`))}\nSubject To\n${rows.join('\n')}\nBinary\n ${columns.join('\n ')}\nEnd\n`;
  return { lp, columns, rows: groups.length };
}
