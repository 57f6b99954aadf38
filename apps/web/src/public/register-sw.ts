/** Service worker for the finder: caches the app shell, its code and the public layers for offline use. */

export function registerFinderWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(
    () => warmOfflineCache(),
    () => undefined,
  );
}

/** Ask the worker to cache what this page has loaded so far (same-origin scripts, styles, layers). */
export function warmOfflineCache(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((reg) => {
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.startsWith(location.origin) && !u.includes('/api/shelters/nearest') && !u.includes('/api/events'));
    reg.active?.postMessage({ type: 'cache', urls: [...new Set([location.href, ...urls])] });
  });
}
