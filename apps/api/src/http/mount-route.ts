import type { Request, RequestHandler, Response, Router } from 'express';
import type { Access, RouteContract, RouteInput } from '@riskmap/contract';
import { EDITORS, SIGNED_IN, requireRole } from '../auth/require-role.js';

/** The prefixes the app mounts its routers under; a contract's path starts with one of them. */
const PREFIX = /^\/(api|ogc|tiles)(?=\/|$)/;

export type ContractHandler<C extends RouteContract> = (req: Request, res: Response, input: RouteInput<C>) => unknown;

export interface MountOptions {
  /** Middleware run after the access check and before parsing (e.g. a raw upload reader). */
  before?: RequestHandler[];
}

/** The access check of an access class: 401 anonymous, 403 a role outside it; none for `anyone`. */
function guard(access: Access): RequestHandler[] {
  if (access === 'anyone') return [];
  if (access === 'signed-in') return [requireRole(...SIGNED_IN)];
  if (access === 'editors') return [requireRole(...EDITORS)];
  return [requireRole('admin')];
}

/**
 * Mount one route from its contract on a router that the app uses under the path's prefix: the contract's `access`
 * is checked first (401/403; a contract whose roles come from configuration is only signed-in here, its handler checks the role), then params, query and (JSON) body are parsed with the contract's schemas before the
 * handler runs (a ZodError becomes the one 400 naming the field).
 * @example mountRoute(router, sheltersNearest, async (req, res, { query }) => res.json(index.nearest([query.lon, query.lat])))
 */
export function mountRoute<C extends RouteContract>(router: Router, contract: C, handler: ContractHandler<C>, options: MountOptions = {}): void {
  const local = contract.path.replace(PREFIX, '') || '/';
  const method = contract.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const parseBody = contract.body?.schema && !contract.body.raw && contract.body.validatedBy !== 'handler';
  router[method](local, ...guard(contract.accessCheckedBy === 'handler' && contract.access !== 'anyone' ? 'signed-in' : contract.access), ...(options.before ?? []), async (req: Request, res: Response) => {
    const input = {
      params: contract.params ? contract.params.parse(req.params) : undefined,
      query: contract.query ? contract.query.parse(req.query) : undefined,
      body: parseBody ? contract.body!.schema!.parse(req.body ?? {}) : undefined,
    } as RouteInput<C>;
    await handler(req, res, input);
  });
}
