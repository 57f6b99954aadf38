import { z } from 'zod';
import { ErrorBody, TAG_DESCRIPTIONS } from '@riskmap/contract';
import type { Operation, OperationResponse } from './registry.js';

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const SIGNED_IN_SECURITY = [{ cookie: [] }, { bearer: [] }, { basic: [] }, { apiKey: [] }];

/** `security` of an operation from its access: anonymous allowed (`{}`) for `anyone`, a credential otherwise. */
function security(op: Operation): object {
  if (!op.access) return {};
  return { security: op.access === 'anyone' ? [{}, ...SIGNED_IN_SECURITY] : SIGNED_IN_SECURITY };
}

/**
 * The answers every route of a kind has besides its own, from the middleware in front of it: 400 when it parses
 * input, 403 `csrf_rejected` for a cookie-authenticated change from another origin, 429 `rate_limited` for anonymous
 * callers (not /api/auth or /api/health).
 */
function withCommonAnswers(op: Operation): Record<string, OperationResponse> {
  const out = { ...op.responses };
  if ((op.params || op.query || op.body) && !out[400]) out[400] = { description: 'invalid input; details.fields name each field (code invalid_input)' };
  if (op.method !== 'get' && !out[403]) out[403] = { description: 'a cookie-authenticated change from another origin (code csrf_rejected)' };
  const anonymous = !op.access || op.access === 'anyone';
  if (anonymous && !out[429] && !/^\/api\/(auth|health)(\/|$)/.test(op.path)) out[429] = { description: 'anonymous requests over the per-address rate limit; Retry-After (code rate_limited)' };
  return out;
}

function response(status: string, r: OperationResponse): object {
  if (Number(status) >= 400 && (!r.schema || r.schema === ErrorBody)) return { description: r.description, content: { 'application/json': { schema: ERROR_REF } } };
  return { description: r.description, ...(r.contentType ? { content: { [r.contentType]: r.schema ? { schema: toSchema(r.schema) } : {} } } : {}) };
}

const toSchema = (s: z.ZodType) => {
  const { $schema: _, ...schema } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return schema;
};

function parameters(where: 'path' | 'query', shape: z.ZodObject | undefined): object[] {
  if (!shape) return [];
  return Object.entries(shape.shape).map(([name, s]) => {
    const schema = toSchema(s as z.ZodType);
    const { description, ...rest } = schema;
    return { name, in: where, required: where === 'path' || !(s as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
  });
}

function operationObject(op: Operation): object {
  const extra = op.query?.def.catchall;
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: op.tags,
    operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    parameters: [
      ...parameters('path', op.params),
      ...parameters('query', op.query),
      ...(extra
        ? [{ name: 'filters', in: 'query', required: false, style: 'form', explode: true, description: 'property=value attribute filters', schema: { type: 'object', additionalProperties: toSchema(extra as z.ZodType) } }]
        : []),
    ],
    ...(op.body ? { requestBody: { required: true, content: { [op.body.contentType]: { schema: toSchema(op.body.schema) } } } } : {}),
    responses: Object.fromEntries(Object.entries(withCommonAnswers(op)).map(([status, r]) => [status, response(status, r)])),
    ...security(op),
  };
}

/**
 * An OpenAPI 3.1 document of the given operations, parameters and bodies generated from their zod schemas.
 * @example openApiDocument(registeredOperations(), { title: 'riskmap', version: '0.1.0' })
 */
export function openApiDocument(ops: Operation[], about: { title: string; version: string; description?: string }): object {
  const info = { ...about, license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' } };
  const paths: Record<string, Record<string, object>> = {};
  for (const op of ops) (paths[op.path] ??= {})[op.method] = operationObject(op);
  const errorSchema = toSchema(ErrorBody);
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [...new Set(ops.flatMap((o) => o.tags))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        cookie: { type: 'apiKey', in: 'cookie', name: 'riskmap_session', description: 'the session cookie set by POST /api/auth/login' },
        bearer: { type: 'http', scheme: 'bearer', description: 'the session token from POST /api/auth/login, or a personal API key (rmk_…)' },
        basic: { type: 'http', scheme: 'basic', description: 'a riskmap username and password (GIS clients)' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'a personal API key created at /keys' },
      },
    },
    security: [{}, { cookie: [] }, { bearer: [] }, { basic: [] }, { apiKey: [] }],
  };
}
