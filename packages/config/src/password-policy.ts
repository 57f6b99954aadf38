import { COMMON_PASSWORDS, KNOWN_DEVELOPMENT_PASSWORDS } from './common-passwords.js';

/** The shortest password the platform accepts (NIST SP 800-63B asks ≥ 8; we ask 12 for every account). */
export const MIN_PASSWORD_LENGTH = 12;

const KEYBOARD_RUNS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz', '1qaz2wsx3edc4rfv'];

function strip(password: string): string {
  return password.toLowerCase().replace(/[\d\s!@#$%^&*()_+\-=.,;:'"?/\\|~`<>[\]{}]+$/u, '').replace(/^[\d\s!@#$%^&*()_+\-=.,;:'"?/\\|~`<>[\]{}]+/u, '');
}

/**
 * Why a password is too weak, or null when it is acceptable: at least 12 characters, not a known development or
 * common password (also with digits or symbols around it), not the username, not one short block repeated, not a
 * keyboard or alphabet run, and at least 6 different characters.
 * @example passwordProblem('aaaaaaaaaaaa') // 'uses fewer than 6 different characters'
 */
export function passwordProblem(password: string, username?: string): string | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return `shorter than ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (KNOWN_DEVELOPMENT_PASSWORDS.includes(password) || KNOWN_DEVELOPMENT_PASSWORDS.includes(lower)) return 'a known development password';
  const core = strip(password);
  if (COMMON_PASSWORDS.includes(lower) || COMMON_PASSWORDS.includes(core) || (core.length < 6 && COMMON_PASSWORDS.some((c) => lower.startsWith(c)))) {
    return 'a commonly used password';
  }
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains the username';
  if (new Set(chars).size < 6) return 'uses fewer than 6 different characters';
  for (let n = 1; n <= chars.length / 2; n++) {
    if (chars.length % n === 0 && lower === lower.slice(0, n).repeat(chars.length / n)) return 'one short block repeated';
  }
  for (const run of KEYBOARD_RUNS) {
    for (const text of [run, [...run].reverse().join('')]) {
      if (text.includes(core) && core.length >= 6) return 'a keyboard or alphabet run';
    }
  }
  const common = COMMON_PASSWORDS.filter((c) => c.length >= 6).find((c) => lower.includes(c));
  if (common && lower.length - common.length < 6) return 'a commonly used password with a few characters added';
  return null;
}
