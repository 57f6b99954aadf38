import type { z } from 'zod';
import { ROUTES, type Access, type RouteContract } from '@riskmap/contract';

export interface OperationResponse {
  description: string;
  /** Media type of the body, e.g. 'application/geo+json'. */
  contentType?: string;
  schema?: z.ZodType;
}

/** One HTTP operation as documented in /api/openapi.json; its zod schemas are the ones the handler validates with. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. '/api/layers/{id}'. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Who may call it (route contracts): sets the operation's `security`. */
  access?: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { contentType: string; schema: z.ZodType };
  responses: Record<string, OperationResponse>;
}

const operations = new Map<string, Operation>();

/**
 * Register an operation for the OpenAPI document (idempotent per method + path) and return it. Only for routes not
 * yet declared in a route contract; a contract replaces the registration of the same method and path.
 * @example const op = defineOperation({ method: 'get', path: '/api/layers', summary: 'Layer catalogue', tags: ['layers'], responses: { 200: { description: 'the layers' } } })
 */
export function defineOperation<T extends Operation>(op: T): T {
  operations.set(`${op.method} ${op.path}`, op);
  return op;
}

/** A route contract as an OpenAPI operation ('/api/layers/:id' → '/api/layers/{id}'). */
export function operationOf(c: RouteContract): Operation {
  return {
    method: c.method.toLowerCase() as Operation['method'],
    path: c.path.replace(/:([A-Za-z]+)/g, '{$1}'),
    summary: c.summary,
    ...(c.description ? { description: c.description } : {}),
    tags: [...c.tags],
    access: c.access,
    ...(c.params ? { params: c.params } : {}),
    ...(c.query ? { query: c.query } : {}),
    ...(c.body?.schema ? { body: { contentType: c.body.contentType, schema: c.body.schema } } : {}),
    responses: Object.fromEntries(Object.entries(c.responses).map(([status, r]) => [status, r])),
  };
}

/** Every operation — the route contracts, then those still registered beside their routes — ordered by path then method. */
export function registeredOperations(): Operation[] {
  const all = new Map(operations);
  for (const c of ROUTES) {
    const op = operationOf(c);
    all.set(`${op.method} ${op.path}`, op);
  }
  return [...all.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
