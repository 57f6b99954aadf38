import type { Operation } from './registry.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small self-contained HTML page listing the operations (method, path, summary, parameters); no scripts, no CDN.
 * @example res.type('html').send(docsPage(registeredOperations()))
 */
export function docsPage(ops: Operation[]): string {
  const rows = ops.map((op) => {
    const params = [...Object.keys(op.params?.shape ?? {}).map((n) => `{${n}}`), ...Object.keys(op.query?.shape ?? {})];
    const statuses = Object.entries(op.responses).map(([s, r]) => `<li><code>${escape(s)}</code> ${escape(r.description)}</li>`).join('');
    return `<section><h3><code>${op.method.toUpperCase()} ${escape(op.path)}</code></h3><p>${escape(op.summary)}</p>` +
      (op.description ? `<p>${escape(op.description)}</p>` : '') +
      (params.length ? `<p>Parameters: ${params.map((p) => `<code>${escape(p)}</code>`).join(', ')}</p>` : '') +
      `<ul>${statuses}</ul></section>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>riskmap API 接口文档</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .25em}section{border-top:1px solid #ddd}</style></head>
<body><h1>riskmap API 接口文档 / API reference</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors: <code>{"error":{"code","message","details"}}</code>.</p>
${rows.join('\n')}</body></html>`;
}
