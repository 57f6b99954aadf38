/** The user administration screen's data: the API's user view and the checks of the create form. */
export interface UserView {
  id: number;
  username: string;
  role: 'commander' | 'planner' | 'admin';
  townshipCode: string | null;
  disabled: boolean;
}

export const ROLES = ['commander', 'planner', 'admin'] as const;

/** Field → message key of the create form; empty when it can be sent (the API checks again). */
export function checkNewUser(u: { username: string; password: string }): Record<string, 'admin.users.error.username' | 'admin.users.error.password'> {
  const e: Record<string, 'admin.users.error.username' | 'admin.users.error.password'> = {};
  if (!u.username.trim() || /\s/.test(u.username)) e.username = 'admin.users.error.username';
  if (u.password.length < 8) e.password = 'admin.users.error.password';
  return e;
}
