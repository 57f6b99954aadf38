/**
 * The real reference geography bundled in ../data/yanggu (see its README.md for provenance):
 * the county outline, the other Liaocheng counties, the 18 township seats and two industrial parks.
 */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** One row of township-seats.csv. */
export interface TownshipSeat {
  name: string;
  kind: 'subdistrict' | 'town' | 'township';
  lon: number;
  lat: number;
}

/** One row of industrial-parks.csv. */
export interface IndustrialPark {
  name: string;
  lon: number;
  lat: number;
}

/** Everything read from the data folder, parsed. */
export interface ReferenceData {
  county: Feature<MultiPolygon, { adcode: string; name: string }>;
  liaocheng: FeatureCollection<MultiPolygon | Polygon, { adcode: string; name: string }>;
  seats: TownshipSeat[];
  parks: IndustrialPark[];
}

const DATA_DIR = new URL('../data/yanggu/', import.meta.url);

function readText(file: string): string {
  return readFileSync(new URL(file, DATA_DIR), 'utf8');
}

function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function toNumber(value: string | undefined, where: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n)) throw new Error(`reference data: ${where} is not a number: ${value}`);
  return n;
}

let cached: ReferenceData | undefined;

/**
 * Reads and parses the bundled reference files once per process (they never change at run time).
 * @example loadReferenceData().seats.length // 18
 */
export function loadReferenceData(): ReferenceData {
  if (cached) return cached;
  const countyFc = JSON.parse(readText('county.geojson')) as FeatureCollection<MultiPolygon, { adcode: string; name: string }>;
  const county = countyFc.features[0];
  if (!county) throw new Error('reference data: county.geojson has no feature');
  const liaocheng = JSON.parse(readText('liaocheng-counties.geojson')) as ReferenceData['liaocheng'];
  const kinds = new Set(['subdistrict', 'town', 'township']);
  const seats = parseCsv(readText('township-seats.csv')).map((r, i): TownshipSeat => {
    if (!kinds.has(r.kind ?? '')) throw new Error(`reference data: township-seats.csv row ${i + 2} has kind ${r.kind}`);
    return {
      name: r.name ?? '',
      kind: r.kind as TownshipSeat['kind'],
      lon: toNumber(r.lon, `township-seats.csv row ${i + 2} lon`),
      lat: toNumber(r.lat, `township-seats.csv row ${i + 2} lat`),
    };
  });
  const parks = parseCsv(readText('industrial-parks.csv')).map((r, i) => ({
    name: r.name ?? '',
    lon: toNumber(r.lon, `industrial-parks.csv row ${i + 2} lon`),
    lat: toNumber(r.lat, `industrial-parks.csv row ${i + 2} lat`),
  }));
  cached = { county, liaocheng, seats, parks };
  return cached;
}
