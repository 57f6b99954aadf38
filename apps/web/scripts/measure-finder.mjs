// Measures the JavaScript /find needs before its first result: the entry chunk, its static imports,
// and the FinderApp chunk with its static imports (maplibre is a dynamic import and is excluded).
// Usage: npm run build -w @riskmap/web && node apps/web/scripts/measure-finder.mjs
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const finderKey = Object.keys(manifest).find((k) => k.endsWith('public/FinderApp.tsx'));
const seen = new Set();
const walk = (key) => {
  if (!key || seen.has(key)) return;
  seen.add(key);
  for (const i of manifest[key].imports ?? []) walk(i);
};
walk(entryKey);
walk(finderKey);
let js = 0;
let css = 0;
const rows = [];
for (const key of seen) {
  const m = manifest[key];
  const gz = gzipSync(readFileSync(join(dist, m.file)), { level: 9 }).length;
  js += gz;
  rows.push([m.file, gz]);
  for (const c of m.css ?? []) css += gzipSync(readFileSync(join(dist, c)), { level: 9 }).length;
}
const map = Object.values(manifest).find((m) => m.file.includes('maplibre-gl') && m.file.endsWith('.js') && !m.file.includes('worker'));
for (const [f, gz] of rows) console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${f}`);
console.log(`finder first result: ${(js / 1024).toFixed(1)} KB JS gzip (+ ${(css / 1024).toFixed(1)} KB CSS gzip), target ≤ 300 KB`);
if (map) console.log(`loaded later with the map: ${(gzipSync(readFileSync(join(dist, map.file)), { level: 9 }).length / 1024).toFixed(1)} KB gzip (${map.file})`);
