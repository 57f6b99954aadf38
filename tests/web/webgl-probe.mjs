// Quick manual probe: does headless Chromium give WebGL2 with our flags?  node tests/web/webgl-probe.mjs
import { chromium } from 'playwright-core';
const variants = {
  issue: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu'],
  brief: ['--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader'],
  angle: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--use-gl=angle', '--enable-unsafe-swiftshader'],
};
for (const [name, args] of Object.entries(variants)) {
  const b = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  const p = await b.newPage();
  const r = await p.evaluate(() => {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2');
    if (!gl) return 'no webgl2';
    const dbg = gl.getExtension('WEBGL_debug_renderer_info');
    return dbg ? gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL) : 'webgl2 (renderer hidden)';
  });
  console.log(name, '→', r);
  await b.close();
}
