import type { Request, Response } from 'express';

export const ROLES = ['public', 'commander', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  username: string;
  role: Exclude<Role, 'public'>;
  /** Optional township scope restricting a planner's edits to one township. */
  townshipCode: string | null;
}

/** The signed-in user of a request (set by the auth middleware in res.locals.user), or undefined. */
export function userOf(res: Response): SessionUser | undefined {
  return res.locals.user as SessionUser | undefined;
}

/** The role a request acts with: the signed-in user's, or 'public' when anonymous. */
export function roleOf(_req: Request, res: Response): Role {
  return userOf(res)?.role ?? 'public';
}
