/**
 * Load maplibre-gl on demand (its own chunk), with the CSS and the worker served from our origin.
 * maplibre 6 finds its worker next to its module; bundled, that path is wrong, so the URL is set here.
 */
export type MapLibre = typeof import('maplibre-gl');

let loading: Promise<MapLibre> | null = null;

export function loadMapLibre(): Promise<MapLibre> {
  loading ??= (async () => {
    const [ml, worker] = await Promise.all([
      import('maplibre-gl'),
      import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
      import('maplibre-gl/dist/maplibre-gl.css'),
    ]);
    ml.setWorkerUrl(new URL(worker.default, location.href).href);
    return ml;
  })();
  return loading;
}
