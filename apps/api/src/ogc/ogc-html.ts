import type { Request, Response } from 'express';

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Whether an OGC request asks for HTML: `f=html`, or (without `f`) an Accept header that prefers text/html
 * over JSON, as a browser's does.
 * @example wantsHtml(req) // true for a browser opening /ogc/collections
 */
export function wantsHtml(req: Request): boolean {
  const f = req.query.f;
  if (typeof f === 'string') return f === 'html';
  const accept = req.get('accept') ?? '';
  const html = accept.indexOf('text/html');
  const json = accept.search(/application\/(geo\+)?json/);
  return html >= 0 && (json < 0 || html < json);
}

type Link = { rel: string; type?: string; title?: string; href: string };

function cell(v: unknown): string {
  if (v === null || v === undefined) return '<span class="null">—</span>';
  if (typeof v === 'object') return `<code>${esc(JSON.stringify(v))}</code>`;
  return esc(v);
}

function htmlHref(href: string): string {
  const u = new URL(href);
  u.searchParams.set('f', 'html');
  return u.toString();
}

/**
 * The HTML rendering of an OGC API document (landing page, conformance, collections, a collection, items or
 * an item): its title, its links (JSON links also offered as HTML), feature tables and the JSON itself.
 * @example res.type('html').send(ogcHtml('应急避难场所', body))
 */
export function ogcHtml(title: string, body: Record<string, unknown>): string {
  const links = (body.links as Link[] | undefined) ?? [];
  const parts: string[] = [`<h1>${esc(title)}</h1>`];
  if (typeof body.description === 'string') parts.push(`<p>${esc(body.description)}</p>`);
  if (links.length) {
    parts.push('<h2>链接 Links</h2><ul>');
    for (const l of links) {
      const json = !l.type || /json/.test(l.type);
      parts.push(`<li>${esc(l.rel)}: <a href="${esc(json && l.type !== 'application/schema+json' && !/openapi/.test(l.type ?? '') ? htmlHref(l.href) : l.href)}">${esc(l.title ?? l.href)}</a>${l.type ? ` <small>${esc(l.type)}</small>` : ''}</li>`);
    }
    parts.push('</ul>');
  }
  const collections = body.collections as { id: string; title: string; description?: string; links: Link[] }[] | undefined;
  if (collections) {
    parts.push('<h2>数据集 Collections</h2><table><tr><th>id</th><th>名称</th><th>说明</th></tr>');
    for (const c of collections) parts.push(`<tr><td><a href="${esc(htmlHref(c.links[0]!.href))}">${esc(c.id)}</a></td><td>${esc(c.title)}</td><td>${esc(c.description ?? '')}</td></tr>`);
    parts.push('</table>');
  }
  const conformsTo = body.conformsTo as string[] | undefined;
  if (conformsTo) parts.push(`<h2>符合性 Conformance</h2><ul>${conformsTo.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`);
  const features = (body.features as { id: number; properties: Record<string, unknown> }[] | undefined) ?? (body.type === 'Feature' ? [body as { id: number; properties: Record<string, unknown> }] : undefined);
  if (features) {
    if (typeof body.numberMatched === 'number') parts.push(`<p>共 ${body.numberMatched} 个要素，本页 ${esc(body.numberReturned)} 个 · matched ${body.numberMatched}, returned ${esc(body.numberReturned)}</p>`);
    const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
    parts.push(`<table><tr><th>id</th>${keys.map((k) => `<th>${esc(k)}</th>`).join('')}</tr>`);
    for (const f of features) parts.push(`<tr><td>${esc(f.id)}</td>${keys.map((k) => `<td>${cell(f.properties?.[k])}</td>`).join('')}</tr>`);
    parts.push('</table>');
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem;max-width:80rem}table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}.null{color:#999}code{font-size:.8rem}</style>
</head><body>${parts.join('\n')}<p><small>riskmap OGC API – Features · 数据可能为示例数据</small></p></body></html>`;
}

/**
 * Send an OGC document as HTML when the request asks for it, else as `type` (JSON or GeoJSON).
 * @example sendOgc(req, res, 'application/json', body, '数据集')
 */
export function sendOgc(req: Request, res: Response, type: string, body: object, title: string): void {
  res.vary('Accept');
  if (wantsHtml(req)) res.type('html').send(ogcHtml(title, body as Record<string, unknown>));
  else res.type(type).json(body);
}
