import type { Router } from 'express';

interface StackLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: StackLayer[] };
}

/**
 * Every route of the mounted routers as 'METHOD /prefix/path', read from express's router stacks (nested routers
 * used without a path, as ours are, are walked too); a router's root route is the prefix itself ('GET /ogc'). `app.locals.mounts` lists the [prefix, router] pairs.
 * @example mountedRoutes(app.locals.mounts) // ['POST /api/auth/login', 'GET /api/health', …]
 */
export function mountedRoutes(mounts: readonly [string, Router][]): string[] {
  const out = new Set<string>();
  const walk = (prefix: string, stack: StackLayer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m] && m !== '_all')) {
          for (const p of paths) out.add(`${method.toUpperCase()} ${p === '/' && prefix ? prefix : `${prefix}${p}`}`);
        }
      } else if (layer.handle?.stack) walk(prefix, layer.handle.stack);
    }
  };
  for (const [prefix, router] of mounts) walk(prefix, (router as unknown as { stack: StackLayer[] }).stack);
  return [...out].sort();
}
