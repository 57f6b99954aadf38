/**
 * Neutral sample enterprise names, numbered per township and kind: '阎楼镇示例化工企业3'.
 * They never name a real company (the README of data/yanggu forbids rating real companies).
 */

/** Hands out unique names such as '郭店屯镇示例冶炼企业2'; one instance per generated dataset. */
export class EnterpriseNamer {
  private readonly counters = new Map<string, number>();

  /**
   * The next name for this township and kind (e.g. '化工企业', '中学', '商场').
   * @example namer.next('阎楼镇', '化工企业') // '阎楼镇示例化工企业1'
   */
  next(townshipName: string, kind: string): string {
    const key = `${townshipName}|${kind}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return `${townshipName}示例${kind}${n}`;
  }
}
