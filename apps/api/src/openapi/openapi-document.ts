import { z } from 'zod';
import type { Operation } from './registry.js';

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
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        { description: r.description, ...(r.contentType ? { content: { [r.contentType]: r.schema ? { schema: toSchema(r.schema) } : {} } } : {}) },
      ]),
    ),
  };
}

/**
 * An OpenAPI 3.1 document of the given operations, parameters and bodies generated from their zod schemas.
 * @example openApiDocument(registeredOperations(), { title: 'riskmap', version: '0.1.0' })
 */
export function openApiDocument(ops: Operation[], info: { title: string; version: string; description?: string }): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of ops) (paths[op.path] ??= {})[op.method] = operationObject(op);
  const errorSchema = {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
  };
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [...new Set(ops.flatMap((o) => o.tags))].map((name) => ({ name })),
    paths,
    components: { schemas: { Error: errorSchema } },
  };
}
