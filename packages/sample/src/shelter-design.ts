/**
 * The designed per-capita shelter figures of the sample (m² of effective area of usable — built or
 * open — shelters per resident), chosen so that planning has something to solve: the county town
 * (the three 街道 together) sits at about 2.2 against the plan's 2.5, four towns are above the target
 * and the others below it, and planned shelters would lift the county town over the target.
 */

/** Usable effective area per resident (m²) for each town (镇/乡), by name. */
export const TOWN_PER_CAPITA_M2: Readonly<Record<string, number>> = {
  阎楼镇: 2.6,
  阿城镇: 3.1,
  七级镇: 2.9,
  安乐镇: 1.8,
  定水镇: 1.4,
  石佛镇: 2.2,
  李台镇: 1.2,
  寿张镇: 2.0,
  十五里园镇: 1.6,
  张秋镇: 2.8,
  郭店屯镇: 1.9,
  西湖镇: 2.4,
  高庙王镇: 1.0,
  金斗营镇: 0.8,
  大布乡: 0.7,
};

/**
 * Per-capita figures of the three 街道 by population rank (largest first): the largest holds the
 * county's central shelter. With populations of roughly 96k / 84k / 72k the county town is ≈ 2.2.
 */
export const URBAN_PER_CAPITA_BY_RANK_M2: readonly number[] = [2.7, 2.0, 1.7];

/** Fallback for a town missing from TOWN_PER_CAPITA_M2 (another county's seats). */
export const DEFAULT_TOWN_PER_CAPITA_M2 = 1.8;

/** Planned effective area in the county town, per county-town resident (m²): lifts ≈ 2.2 to ≈ 2.6. */
export const URBAN_PLANNED_PER_CAPITA_M2 = 0.4;

/** Towns with planned shelters and the planned effective area per resident (m²); not enough to reach 2.5. */
export const TOWN_PLANNED_PER_CAPITA_M2: Readonly<Record<string, number>> = {
  定水镇: 0.6,
  李台镇: 0.5,
  高庙王镇: 0.8,
};

/**
 * Shelter-suitable candidate area (effective m²) per township as a multiple of its gap to 2.5 m²:
 * most can close the gap, 金斗营镇 and 大布乡 cannot with the candidates given.
 */
export const CANDIDATE_GAP_FACTOR: Readonly<Record<string, number>> = {
  金斗营镇: 0.55,
  大布乡: 0.75,
};

/** Gap factor for every other township (range drawn per township). */
export const DEFAULT_CANDIDATE_GAP_FACTOR: readonly [number, number] = [1.35, 2.0];

/**
 * The designed usable per-capita figure of every township, in township order.
 * @example designedPerCapita([{ name: '阿城镇', isUrban: false, population: 42000 }]) // [3.1]
 */
export function designedPerCapita(townships: readonly { name: string; isUrban: boolean; population: number }[]): number[] {
  const urbanRank = townships
    .map((t, i) => ({ t, i }))
    .filter((x) => x.t.isUrban)
    .sort((a, b) => b.t.population - a.t.population || a.i - b.i)
    .map((x) => x.i);
  return townships.map((t, i) => {
    if (!t.isUrban) return TOWN_PER_CAPITA_M2[t.name] ?? DEFAULT_TOWN_PER_CAPITA_M2;
    const rank = urbanRank.indexOf(i);
    return URBAN_PER_CAPITA_BY_RANK_M2[Math.min(rank, URBAN_PER_CAPITA_BY_RANK_M2.length - 1)] as number;
  });
}
