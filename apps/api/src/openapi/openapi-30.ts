/** JSON Schema keywords of 2020-12 that OpenAPI 3.0's schema object does not know. */
const DROP = new Set(['$schema', '$id', 'jsonSchemaDialect', 'unevaluatedProperties', 'propertyNames', 'dependentRequired', 'contentMediaType', 'contentEncoding']);

function schema30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(schema30);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const src = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(src)) {
    if (DROP.has(k)) continue;
    if (k === 'items' && Array.isArray(src.prefixItems)) continue; // the tuple's bound arrays come from prefixItems
    if (k === 'type' && Array.isArray(v)) {
      const types = v.filter((t) => t !== 'null');
      if (types.length === 1) out.type = types[0];
      if (types.length < v.length) out.nullable = true;
      continue;
    }
    if (k === 'const') {
      out.enum = [v];
      continue;
    }
    if ((k === 'exclusiveMinimum' || k === 'exclusiveMaximum') && typeof v === 'number') {
      out[k === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = v;
      out[k] = true;
      continue;
    }
    if (k === 'examples' && Array.isArray(v)) {
      out.example = v[0];
      continue;
    }
    if (k === 'prefixItems' && Array.isArray(v)) {
      out.items = v.length ? schema30(v[0]) : {};
      out.minItems ??= v.length;
      out.maxItems ??= v.length;
      continue;
    }
    if ((k === 'anyOf' || k === 'oneOf') && Array.isArray(v) && v.some((s) => (s as { type?: unknown })?.type === 'null')) {
      const rest = v.filter((s) => (s as { type?: unknown })?.type !== 'null');
      const one = rest.length === 1 ? (schema30(rest[0]) as Record<string, unknown>) : undefined;
      if (one?.type) Object.assign(out, one, { nullable: true });
      else out[k] = [...(one ? [one] : (schema30(rest) as unknown[])), { type: 'object', nullable: true, enum: [null] }]; // 3.0's null branch: nullable needs a type
      continue;
    }
    out[k] = schema30(v);
  }
  return out;
}

/**
 * The OpenAPI 3.0.3 rendering of an OpenAPI 3.1 document (for clients such as GDAL's OAPIF driver that read
 * only 3.0): type arrays with null become `nullable`, `const` becomes a one-value enum, numeric exclusive
 * bounds become the boolean form, tuples become bounded arrays.
 * @example res.type('application/vnd.oai.openapi+json;version=3.0').json(openApi30(doc))
 */
export function openApi30(doc: object): object {
  return { ...(schema30(doc) as object), openapi: '3.0.3' };
}

export const OPENAPI_30_TYPE = 'application/vnd.oai.openapi+json;version=3.0';
export const OPENAPI_31_TYPE = 'application/vnd.oai.openapi+json;version=3.1';

/**
 * Which rendering an Accept header asks for: '3.0' when it names a 3.0 media type before any 3.1 one.
 * @example wantsOpenApi30('application/vnd.oai.openapi+json;version=3.0, application/json') // true
 */
export function wantsOpenApi30(accept: string | undefined): boolean {
  if (!accept) return false;
  const i30 = accept.search(/openapi\+json\s*;\s*version\s*=\s*"?3\.0/i);
  const i31 = accept.search(/openapi\+json\s*;\s*version\s*=\s*"?3\.1/i);
  return i30 >= 0 && (i31 < 0 || i30 < i31);
}
