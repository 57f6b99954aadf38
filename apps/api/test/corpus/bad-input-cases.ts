import { zipSync, strToU8 } from 'fflate';

/** One hostile request: who sends it, what, and a label for the report. */
export interface BadCase {
  label: string;
  method: string;
  path: string;
  role?: 'planner' | 'admin';
  contentType?: string;
  body?: string | Uint8Array;
}

/** Values every query parameter is tried with: wrong types, ranges, NaN/Infinity, NUL, huge numbers, traversal, injection. */
export const BAD_VALUES = [
  '', 'abc', 'NaN', 'Infinity', '-Infinity', '1e309', '-1', '0', '1.5', '99999999999999999999', '2147483648', '9223372036854775808',
  '-9223372036854775809', '%00', 'a%00b', '[]', '%7B%22a%22%3A1%7D', '..%2F..%2Fetc%2Fpasswd', "'%20OR%201%3D1%20--", 'x'.repeat(3000),
];

/** GET routes with valid base parameters and the parameters to spoil one at a time. */
const QUERY_ROUTES: { path: string; base: string; params: string[]; role?: 'planner' }[] = [
  { path: '/api/shelters/nearest', base: 'lon=115.79&lat=36.11&k=3', params: ['lon', 'lat', 'k'] },
  { path: '/api/analytics/risk-map', base: 'by=grid&cell=1000', params: ['by', 'cell', 'shape', 'method', 'includeEmpty'] },
  { path: '/api/analytics/risk-density', base: 'cell=1000', params: ['cell', 'bandwidth'] },
  { path: '/api/analytics/shelter-per-capita', base: '', params: ['includePlanned', 'target', 'format'] },
  { path: '/api/analytics/coverage', base: 'facility=shelters', params: ['facility', 'includePlanned', 'speedKmh', 'detourFactor'] },
  { path: '/api/layers/shelters', base: 'limit=5', params: ['bbox', 'limit', 'offset', 'fields', 'status', 'capacity', 'id'] },
  { path: '/ogc/collections/shelters/items', base: 'limit=5', params: ['bbox', 'limit', 'offset'] },
  { path: '/api/audit', base: 'layer=shelters', params: ['layer', 'id', 'limit'], role: 'planner' },
];

const PATHS = [
  '/api/layers/%00', '/api/layers/shelters/%00', '/api/layers/shelters/99999999999999999999', '/api/layers/shelters/2147483648', '/api/layers/shelters/-1',
  '/api/layers/..%2F..%2Fetc%2Fpasswd', '/api/exports/..%2F..%2Fetc%2Fpasswd', '/api/exports/shelters.exe', '/api/exports/%00.csv', '/api/exports/shelters.csv%00',
  '/tiles/shelters/99/1/1.mvt', '/tiles/shelters/3/999999999999/1.mvt', '/tiles/%2e%2e/1/1/1.mvt', '/tiles/shelters/NaN/0/0.mvt', '/tiles/shelters/-1/0/0.mvt',
  '/ogc/collections/..%2F/items', '/ogc/collections/shelters/items/99999999999999999999', '/ogc/collections/shelters/items/%00', '/ogc/collections/%00',
  '/api/siting/jobs/99999999999999999999', '/api/siting/scenarios/2147483648', '/api/siting/scenarios/abc',
];

const bowtie = { type: 'Polygon', coordinates: [[[115.7, 36.1], [115.8, 36.2], [115.8, 36.1], [115.7, 36.2], [115.7, 36.1]]] };
const huge = (n: number) => {
  const ring: number[][] = [];
  for (let i = 0; i < n; i += 1) ring.push([115.79 + 0.01 * Math.cos((2 * Math.PI * i) / n), 36.11 + 0.01 * Math.sin((2 * Math.PI * i) / n)]);
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
};
const shelter = (props: Record<string, unknown> = {}, geometry: unknown = { type: 'Point', coordinates: [115.79, 36.11] }) =>
  JSON.stringify({ type: 'Feature', geometry, properties: { code: `corpus-${Math.random()}`, name: '语料', shelterClass: 'emergency', siteType: 'park', totalAreaM2: 5000, effectiveAreaM2: 3000, capacity: 1500, status: 'built', ...props } });
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** JSON bodies for each JSON route: malformed, wrong types, NUL, huge numbers, deep nesting, bad geometries. */
function bodyCases(): BadCase[] {
  const generic = ['{', 'null', '[]', '"x"', '1e999', '{"a":', deep(5000), deep(40), '{"__proto__":{"x":1}}', '\u0000', '{"a":"\u0000"}'];
  const routes: { path: string; method: string; role?: 'planner' | 'admin' }[] = [
    { path: '/api/auth/login', method: 'POST' },
    { path: '/api/layers/shelters', method: 'POST', role: 'planner' },
    { path: '/api/layers/shelters/1', method: 'PATCH', role: 'planner' },
    { path: '/api/incidents/impact', method: 'POST', role: 'planner' },
    { path: '/api/siting', method: 'POST', role: 'planner' },
    { path: '/api/siting/scenarios', method: 'POST', role: 'planner' },
    { path: '/api/users', method: 'POST', role: 'admin' },
    { path: '/api/users/1', method: 'PATCH', role: 'admin' },
  ];
  const out: BadCase[] = [];
  for (const r of routes) {
    for (const [i, body] of generic.entries()) out.push({ label: `${r.method} ${r.path} body#${i}`, ...r, contentType: 'application/json', body });
    out.push({ label: `${r.method} ${r.path} text/plain`, ...r, contentType: 'text/plain', body: '{"a":1}' });
    out.push({ label: `${r.method} ${r.path} form`, ...r, contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=%00' });
    out.push({ label: `${r.method} ${r.path} xml`, ...r, contentType: 'application/xml', body: '<a/>' });
  }
  const login = (o: unknown) => ({ label: `login ${JSON.stringify(o).slice(0, 60)}`, method: 'POST', path: '/api/auth/login', contentType: 'application/json', body: JSON.stringify(o) });
  out.push(login({ username: 'admin\u0000', password: 'x' }), login({ username: 'admin', password: 'x\u0000' }), login({ username: 1, password: 2 }), login({ username: 'x'.repeat(100_000), password: 'y' }), login({}));
  const create = (label: string, body: string): BadCase => ({ label: `create ${label}`, method: 'POST', path: '/api/layers/shelters', role: 'planner', contentType: 'application/json', body });
  out.push(
    create('NUL name', shelter({ name: '避难\u0000所' })),
    create('NUL code', shelter({ code: '\u0000' })),
    create('NUL key', shelter({ 'na\u0000me': 'x' })),
    create('capacity int4+1', shelter({ capacity: 2 ** 31 })),
    create('capacity 1e20', shelter({ capacity: 1e20 })),
    create('capacity -1', shelter({ capacity: -1 })),
    create('area string', shelter({ totalAreaM2: 'NaN' })),
    create('area 1e308', shelter({ totalAreaM2: 1e308 })),
    create('status bad', shelter({ status: 'maybe' })),
    create('lon 1e309', shelter({}, { type: 'Point', coordinates: ['Infinity', 36] })),
    create('lon 999', shelter({}, { type: 'Point', coordinates: [999, 36] })),
    create('swapped', shelter({}, { type: 'Point', coordinates: [36.11, 115.79] })),
    create('bowtie', shelter({}, bowtie)),
    create('enormous polygon', shelter({}, huge(30_000))),
    create('large polygon', shelter({}, huge(3_000))),
    create('unclosed ring', shelter({}, { type: 'Polygon', coordinates: [[[115.7, 36.1], [115.8, 36.2], [115.8, 36.1], [115.71, 36.1]]] })),
    create('geometry collection', shelter({}, { type: 'GeometryCollection', geometries: [] })),
    create('no geometry', shelter({}, null)),
    create('point nested deep', shelter({}, { type: 'Point', coordinates: JSON.parse(deep(30)) })),
    create('site bowtie', shelter({ site: bowtie })),
  );
  const patch = (label: string, o: unknown): BadCase => ({ label: `patch ${label}`, method: 'PATCH', path: '/api/layers/shelters/1', role: 'planner', contentType: 'application/json', body: JSON.stringify(o) });
  out.push(patch('version huge', { version: 1e20, properties: {} }), patch('version int4+1', { version: 2 ** 31, properties: {} }), patch('NUL', { version: 1, properties: { name: '\u0000' } }), patch('version NaN', { version: 'NaN' }));
  const user = (label: string, o: unknown): BadCase => ({ label: `user ${label}`, method: 'POST', path: '/api/users', role: 'admin', contentType: 'application/json', body: JSON.stringify(o) });
  out.push(user('NUL name', { username: 'a\u0000b', password: 'long-enough-password', role: 'planner' }), user('bad role', { username: 'ab', password: 'long-enough-password', role: 'god' }), user('NUL township', { username: 'abc', password: 'long-enough-password', role: 'planner', townshipCode: '\u0000' }));
  const scen = (label: string, o: unknown): BadCase => ({ label: `siting scenario ${label}`, method: 'POST', path: '/api/siting/scenarios', role: 'planner', contentType: 'application/json', body: JSON.stringify(o) });
  out.push(scen('NUL name', { name: 'a\u0000', request: { model: 'lscp' } }), scen('huge name', { name: 'x'.repeat(100_000) }));
  const impact = (label: string, o: unknown): BadCase => ({ label: `impact ${label}`, method: 'POST', path: '/api/incidents/impact', role: 'planner', contentType: 'application/json', body: JSON.stringify(o) });
  out.push(impact('id int4+1', { hazardSourceId: 2 ** 31 }), impact('radius NaN', { center: [115.79, 36.11], radiusM: 'NaN' }), impact('radius huge', { center: [115.79, 36.11], radiusM: 1e300 }), impact('NUL code', { hazardSourceId: '\u0000' }));
  const siting = (label: string, o: unknown): BadCase => ({ label: `siting ${label}`, method: 'POST', path: '/api/siting', role: 'planner', contentType: 'application/json', body: JSON.stringify(o) });
  out.push(siting('p huge', { model: 'p-median', p: 1e12 }), siting('model bad', { model: 'x' }), siting('p negative', { model: 'mclp', p: -1, radiusM: 1000 }), siting('seed 1e300', { model: 'p-median', p: 2, seed: 1e300 }));
  return out;
}

/** Import bodies: malformed CSV/XLSX/ZIP, wrong content types, NUL cells, traversal in zip entry names. */
function importCases(): BadCase[] {
  const imp = (label: string, contentType: string, body: string | Uint8Array, query = ''): BadCase => ({ label: `import ${label}`, method: 'POST', path: `/api/imports/shelters${query}`, role: 'planner', contentType, body });
  const traversal = zipSync({ '../../etc/passwd.shp': strToU8('x'), '../../etc/passwd.dbf': strToU8('y') });
  return [
    imp('empty csv', 'text/csv', ''),
    imp('csv only header', 'text/csv', 'code,name,lon,lat\n'),
    imp('csv NUL cell', 'text/csv', 'code,name,shelterClass,siteType,totalAreaM2,effectiveAreaM2,capacity,status,lon,lat\nc1,a\u0000b,emergency,park,5000,3000,100,built,115.79,36.11\n', '?dryRun=false'),
    imp('csv huge number', 'text/csv', 'code,name,shelterClass,siteType,totalAreaM2,effectiveAreaM2,capacity,status,lon,lat\nc1,ab,emergency,park,5000,3000,99999999999999,built,115.79,36.11\n', '?dryRun=false'),
    imp('csv NaN lon', 'text/csv', 'code,name,lon,lat\nc1,ab,NaN,Infinity\n'),
    imp('csv quotes', 'text/csv', 'code,name,lon,lat\n"c1,ab\n'),
    imp('csv binary', 'text/csv', new Uint8Array([0, 1, 2, 255, 254, 0, 0])),
    imp('xlsx garbage', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', new Uint8Array([80, 75, 3, 4, 1, 2, 3])),
    imp('xlsx is a csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'a,b\n1,2'),
    imp('zip garbage', 'application/zip', new Uint8Array([80, 75, 3, 4, 9, 9, 9, 9])),
    imp('zip empty', 'application/zip', zipSync({})),
    imp('zip traversal', 'application/zip', traversal),
    imp('geojson malformed', 'application/geo+json', '{"type":"FeatureCollection","features":['),
    imp('geojson not fc', 'application/geo+json', '{"type":"Point","coordinates":[1,2]}'),
    imp('geojson deep', 'application/geo+json', deep(5000)),
    imp('geojson NUL prop', 'application/geo+json', JSON.stringify({ type: 'FeatureCollection', features: [JSON.parse(shelter({ name: '\u0000' }))] }), '?dryRun=false'),
    imp('unknown type', 'application/x-unknown', 'abc'),
    imp('format bad', 'text/csv', 'a,b', '?format=exe'),
    imp('crs bad', 'text/csv', 'a,b', '?crs=%00'),
    imp('encoding bad', 'text/csv', 'a,b', '?encoding=..%2F..'),
    imp('dryRun bad', 'text/csv', 'a,b', '?dryRun=maybe'),
    { label: 'import unknown layer', method: 'POST', path: '/api/imports/%00', role: 'planner', contentType: 'text/csv', body: 'a' },
    { label: 'import traversal layer', method: 'POST', path: '/api/imports/..%2Fusers', role: 'planner', contentType: 'text/csv', body: 'a' },
  ];
}

/** The whole corpus. */
export function badInputCases(): BadCase[] {
  const out: BadCase[] = [];
  for (const r of QUERY_ROUTES) {
    for (const p of r.params) {
      for (const v of BAD_VALUES) {
        const base = new URLSearchParams(r.base);
        base.delete(p);
        const qs = [base.toString(), `${p}=${v}`].filter(Boolean).join('&');
        out.push({ label: `GET ${r.path} ${p}=${v.slice(0, 30)}`, method: 'GET', path: `${r.path}?${qs}`, ...(r.role ? { role: r.role } : {}) });
      }
    }
  }
  for (const path of PATHS) out.push({ label: `GET ${path}`, method: 'GET', path });
  return [...out, ...bodyCases(), ...importCases()];
}
