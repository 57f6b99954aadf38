/** Strings added to the command map after the first version (kept here so the shared i18n tables stay small). */
import type { Locale } from '../i18n/index.js';

const zh: Record<string, string> = {
  auditHistory: '审计记录（修改历史）',
  auditNone: '暂无修改记录',
  'audit.create': '新增',
  'audit.update': '修改',
  'audit.delete': '删除',
  'audit.restore': '恢复',
  'audit.import': '导入',
};
const en: Record<string, string> = {
  auditHistory: 'Audit history',
  auditNone: 'No changes recorded',
  'audit.create': 'Created',
  'audit.update': 'Updated',
  'audit.delete': 'Deleted',
  'audit.restore': 'Restored',
  'audit.import': 'Imported',
};

/** Translate a command-map key; unknown keys come back without their prefix. */
export function cmt(locale: Locale, key: string): string {
  return (locale === 'en' ? en[key] : undefined) ?? zh[key] ?? key.replace(/^[a-z]+\./, '');
}
