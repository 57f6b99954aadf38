/**
 * Passwords that must never be accepted: the platform's own development and test passwords, and widely used
 * passwords and patterns that head every published breach-frequency list (e.g. the SecLists "10k most common"
 * and NCSC "100k Pwned Passwords" lists), lower-cased. Longer words built from them are caught by the
 * strength rules in password-policy.ts (one repeated block, keyboard runs, the word plus digits).
 */
export const KNOWN_DEVELOPMENT_PASSWORDS: readonly string[] = ['riskmap-dev-admin', 'test-password-秘密', 'change-me-please-42'];

export const COMMON_PASSWORDS: readonly string[] = [
  '123456', '123456789', '12345678', '1234567890', '12345', '1234567', 'password', 'password1', 'password123', 'passw0rd',
  'qwerty', 'qwerty123', 'qwertyuiop', 'qwerty123456', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'zaq12wsx', 'asdfghjkl', 'zxcvbnm',
  'abc123', 'abcd1234', 'a1b2c3d4', 'iloveyou', 'admin', 'admin123', 'admin1234', 'administrator', 'root', 'toor',
  'welcome', 'welcome1', 'welcome123', 'letmein', 'monkey', 'dragon', 'football', 'baseball', 'master', 'sunshine',
  'princess', 'shadow', 'superman', 'trustno1', 'changeme', 'changeit', 'default', 'secret', 'p@ssw0rd', 'p@ssword',
  '111111', '000000', '666666', '888888', '123123', '654321', '112233', '121212', '5201314', '1314520',
  'woaini', 'woaini1314', 'aa123456', 'a123456', 'a12345678', 'qq123456', 'zhang123', 'wang123', 'li123456', 'abc123456',
  'passwordpassword', 'administrator1', 'changemeplease', 'letmein123', 'welcome2024', 'welcome2025', 'welcome2026',
  'password2024', 'password2025', 'password2026', 'admin@123', 'admin@123456', 'root@123', 'p@ssw0rd123', 'qwe123',
  'qweasdzxc', 'qweasd', '1qazxsw2', 'asd123', 'asdasd', 'zxc123', 'yanggu', 'liaocheng', 'shandong', 'riskmap',
];
