import type { FeatureCollection, Point } from 'geojson';
import { InputError, type SitingCandidate, type SitingDemand, type SitingId } from '@riskmap/geo';

/** What a proposed site carries besides its solver fields (for the map and for accepting it as a planned facility). */
export interface SiteInfo {
  code: string;
  name: string;
  siteType: string | null;
  areaM2: number | null;
  effectiveAreaM2: number | null;
  townshipCode: string | null;
  constraints: string | null;
  source: 'stored' | 'inline';
}

type Props = Record<string, unknown>;
const num = (p: Props, k: string): number | undefined => (typeof p[k] === 'number' ? (p[k] as number) : undefined);
const str = (p: Props, k: string): string | undefined => (typeof p[k] === 'string' ? (p[k] as string) : undefined);

function coordinates(f: { geometry: unknown }): [number, number] {
  const [lon, lat] = (f.geometry as Point).coordinates as [number, number];
  return [lon, lat];
}

/**
 * Demand points from a FeatureCollection: stored demand-points (weight = population) or an inline
 * collection (weight = `weight` ?? `population`); `field` names the request field for errors.
 * @example demandFrom(fc, 'demand').length // 741
 */
export function demandFrom(fc: FeatureCollection, field: string): SitingDemand[] {
  return fc.features.map((f, k) => {
    const p = (f.properties ?? {}) as Props;
    const weight = num(p, 'weight') ?? num(p, 'population');
    if (weight === undefined) throw new InputError('each demand point needs a numeric weight (or population)', `${field}.features.${k}.properties.weight`);
    const [lon, lat] = coordinates(f);
    const risk = num(p, 'riskWeight');
    return { id: idOf(f, p, k), lon, lat, weight, ...(risk !== undefined ? { riskWeight: risk } : {}) };
  });
}

/**
 * Candidate (or existing) sites from a FeatureCollection, with their display details keyed by id.
 * @example sitesFrom(layer, 'stored', 'candidates').candidates[0].id // 'CS-001'
 */
export function sitesFrom(fc: FeatureCollection, source: SiteInfo['source']): { candidates: SitingCandidate[]; info: Map<string, SiteInfo> } {
  const info = new Map<string, SiteInfo>();
  const candidates = fc.features.map((f, k): SitingCandidate => {
    const p = (f.properties ?? {}) as Props;
    const id = idOf(f, p, k);
    const [lon, lat] = coordinates(f);
    const c: SitingCandidate = { id, lon, lat };
    const siteType = str(p, 'siteType');
    const areaM2 = num(p, 'areaM2') ?? num(p, 'totalAreaM2');
    const effectiveAreaM2 = num(p, 'effectiveAreaM2');
    const townshipCode = str(p, 'townshipCode') ?? null;
    if (siteType !== undefined) c.siteType = siteType;
    if (areaM2 !== undefined) c.areaM2 = areaM2;
    if (effectiveAreaM2 !== undefined) c.effectiveAreaM2 = effectiveAreaM2;
    c.townshipCode = townshipCode;
    info.set(String(id), {
      code: String(id),
      name: str(p, 'name') ?? String(id),
      siteType: siteType ?? null,
      areaM2: areaM2 ?? null,
      effectiveAreaM2: effectiveAreaM2 ?? null,
      townshipCode,
      constraints: str(p, 'constraints') ?? null,
      source,
    });
    return c;
  });
  return { candidates, info };
}

/** Stored features are keyed by their `code`; inline ones by `id`, `code`, the feature id, or their position. */
function idOf(f: { id?: string | number }, p: Props, k: number): SitingId {
  const v = p.code ?? p.id ?? f.id;
  return typeof v === 'string' || typeof v === 'number' ? v : `#${k}`;
}

/**
 * Rejects duplicate ids, which would make chosen sites ambiguous.
 * @example assertUniqueIds(candidates, 'candidates')
 */
export function assertUniqueIds(items: readonly { id: SitingId }[], field: string): void {
  const seen = new Set<string>();
  items.forEach((it, k) => {
    const key = String(it.id);
    if (seen.has(key)) throw new InputError(`id ${key} appears twice`, `${field}.features.${k}.properties.id`);
    seen.add(key);
  });
}
