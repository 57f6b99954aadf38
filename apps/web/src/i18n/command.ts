/** Command-map strings added after the first version (keys `cmd.*` of the one i18n table). */
export const commandZh = {
  auditHistory: '审计记录（修改历史）',
  auditNone: '暂无修改记录',
  'audit.create': '新增',
  'audit.update': '修改',
  'audit.delete': '删除',
  'audit.restore': '恢复',
  'audit.import': '导入',
} as const;
export const commandEn: Record<keyof typeof commandZh, string> = {
  auditHistory: 'Audit history',
  auditNone: 'No changes recorded',
  'audit.create': 'Created',
  'audit.update': 'Updated',
  'audit.delete': 'Deleted',
  'audit.restore': 'Restored',
  'audit.import': 'Imported',
};
