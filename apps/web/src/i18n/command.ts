/** Command-map strings added after the first version (keys `cmd.*` of the one i18n table). */
export const commandZh = {
  auditHistory: '审计记录（修改历史）',
  auditNone: '暂无修改记录',
  'audit.create': '新增',
  'audit.update': '修改',
  'audit.delete': '删除',
  'audit.restore': '恢复',
  'audit.import': '导入',
  standsFor: '代表约 {n} 个风险点',
  standsForBasis: '低缩放级别按网格抽稀：本图块同一网格、同一风险等级的 {n} 个点合并为此点显示（取其中风险最高者），放大可见全部',
} as const;
export const commandEn: Record<keyof typeof commandZh, string> = {
  auditHistory: 'Audit history',
  auditNone: 'No changes recorded',
  'audit.create': 'Created',
  'audit.update': 'Updated',
  'audit.delete': 'Deleted',
  'audit.restore': 'Restored',
  'audit.import': 'Imported',
  standsFor: 'Stands for about {n} risk points',
  standsForBasis: 'Thinned at low zoom: the {n} points of one risk level in one grid cell of this tile are drawn as this one (the highest risk among them); zoom in to see them all',
};
