import type { LayerSummary } from '@riskmap/db';
import type { AppConfig } from '@riskmap/config/env';

type DomainConfig = AppConfig['domain'];

/** Highest zoom the tiles are served at (x, y < 2^z); the web map and desktop clients overzoom beyond it. */
export const TILE_MAXZOOM = 22;

const TYPE_OF: Record<string, string> = { integer: 'Number', number: 'Number', boolean: 'Boolean', string: 'String' };

/**
 * TileJSON 3.0.0 of one layer's vector tiles: the tile URL template, zooms, bounds, centre and the one
 * vector layer with its fields (name → Number | String | Boolean) as the caller's role sees them. Point
 * layers add `count`: how many features a feature of a thinned low-zoom tile stands for (1 when whole).
 * @example tileJson('http://h', summary, { name: 'string', capacity: 'integer' })
 */
export function tileJson(origin: string, s: LayerSummary, fields: Record<string, string>): object {
  const bounds = s.extent ?? [115.5, 35.9, 116.1, 36.4];
  return {
    tilejson: '3.0.0',
    name: s.title.zh,
    description: `${s.title.en} (${s.title.zh})`,
    version: '1.0.0',
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${s.id}/{z}/{x}/{y}.mvt`],
    minzoom: 0,
    maxzoom: TILE_MAXZOOM,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 10],
    attribution: 'riskmap',
    vector_layers: [
      {
        id: s.id,
        description: s.geometryType === 'MultiPolygon' ? s.title.zh : `${s.title.zh}；低缩放级别按网格抽稀，count 为该要素代表的要素数 (thinned at low zoom; count = features represented)`,
        minzoom: 0,
        maxzoom: TILE_MAXZOOM,
        fields: {
          ...Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, TYPE_OF[t] ?? 'String'])),
          ...(s.geometryType === 'MultiPolygon' ? {} : { count: 'Number' }),
        },
      },
    ],
  };
}

const POINT_COLOUR: Record<string, string> = {
  'hazard-sources': '#8b0000', shelters: '#1a9641', warehouses: '#7b3294', 'fire-stations': '#e66101', 'demand-points': '#636363', 'candidate-sites': '#0571b0',
};

/**
 * A MapLibre style (version 8) of the whole map from the layers' vector tiles: townships as outlined areas,
 * risk points coloured by level (the configured four colours), the other point layers in one colour each.
 * No glyphs or sprites are needed.
 * @example mapStyle('http://h', summaries, config.domain)
 */
export function mapStyle(origin: string, layers: LayerSummary[], domain: Readonly<DomainConfig>): object {
  const sources: Record<string, object> = {};
  const styleLayers: object[] = [{ id: 'background', type: 'background', paint: { 'background-color': '#e9edf1' } }];
  const lv = domain.riskLevels;
  const all = layers.filter((l) => l.extent);
  const bounds = all.reduce<[number, number, number, number] | null>((b, l) => (b ? [Math.min(b[0], l.extent![0]), Math.min(b[1], l.extent![1]), Math.max(b[2], l.extent![2]), Math.max(b[3], l.extent![3])] : l.extent), null);
  const ordered = [...layers].sort((a, b) => Number(b.geometryType !== 'Point') - Number(a.geometryType !== 'Point'));
  for (const l of ordered) {
    sources[l.id] = { type: 'vector', url: `${origin}/tiles/${l.id}.json` };
    if (l.id === 'townships') {
      styleLayers.push(
        { id: 'townships-fill', type: 'fill', source: l.id, 'source-layer': l.id, paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.5 } },
        { id: 'townships-line', type: 'line', source: l.id, 'source-layer': l.id, paint: { 'line-color': '#5b6770', 'line-width': 1 } },
      );
    } else if (l.id === 'risk-points') {
      styleLayers.push({
        id: 'risk-points', type: 'circle', source: l.id, 'source-layer': l.id,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2, 14, 6],
          'circle-color': ['match', ['get', 'level'], 1, lv[1].color, 2, lv[2].color, 3, lv[3].color, 4, lv[4].color, '#999999'],
          'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.5,
        },
      });
    } else {
      styleLayers.push({
        id: l.id, type: 'circle', source: l.id, 'source-layer': l.id,
        paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 14, 7], 'circle-color': POINT_COLOUR[l.id] ?? '#333333', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
      });
    }
  }
  const b = bounds ?? [115.5, 35.9, 116.1, 36.4];
  return {
    version: 8,
    name: 'riskmap 应急管理一张图',
    metadata: { 'riskmap:sample': 'layers may hold sample data (示例数据)' },
    center: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2],
    zoom: 9,
    sources,
    layers: styleLayers,
  };
}
