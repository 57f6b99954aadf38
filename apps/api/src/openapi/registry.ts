import type { z } from 'zod';

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
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { contentType: string; schema: z.ZodType };
  responses: Record<string, OperationResponse>;
}

const operations = new Map<string, Operation>();

/**
 * Register an operation for the OpenAPI document (idempotent per method + path) and return it.
 * @example const op = defineOperation({ method: 'get', path: '/api/layers', summary: 'Layer catalogue', tags: ['layers'], responses: { 200: { description: 'the layers' } } })
 */
export function defineOperation<T extends Operation>(op: T): T {
  operations.set(`${op.method} ${op.path}`, op);
  return op;
}

/** Every registered operation, ordered by path then method. */
export function registeredOperations(): Operation[] {
  return [...operations.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
