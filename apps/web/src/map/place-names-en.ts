/**
 * English (Hanyu Pinyin) names of the sample county's townships and neighbouring areas, for map
 * labels in English mode. Source: the township seats in packages/sample/data/yanggu/township-seats.csv
 * and the Liaocheng counties in liaocheng-counties.geojson, romanised by the standard pinyin of each name.
 */
const STEMS: Record<string, string> = {
  博济桥: 'Bojiqiao', 侨润: 'Qiaorun', 狮子楼: 'Shizilou', 阎楼: 'Yanlou', 阿城: 'Acheng', 七级: 'Qiji', 安乐: "Anle", 定水: 'Dingshui',
  石佛: 'Shifo', 李台: 'Litai', 寿张: 'Shouzhang', 十五里园: 'Shiwuliyuan', 张秋: 'Zhangqiu', 郭店屯: 'Guodiantun', 西湖: 'Xihu',
  高庙王: 'Gaomiaowang', 金斗营: 'Jindouying', 大布: 'Dabu',
  东昌府: 'Dongchangfu', 阳谷: 'Yanggu', 莘: 'Shen', 茌平: 'Chiping', 东阿: "Dong'e", 冠: 'Guan', 高唐: 'Gaotang', 临清: 'Linqing',
  聊城: 'Liaocheng', 梁山: 'Liangshan', 台前: 'Taiqian', 范: 'Fan', 阳新: 'Yangxin', 郓城: 'Yuncheng', 平阴: 'Pingyin',
};
const SUFFIXES: [string, string][] = [['街道', 'Subdistrict'], ['镇', 'Town'], ['乡', 'Township'], ['县', 'County'], ['区', 'District'], ['市', 'City']];

/** "十五里园镇" → "Shiwuliyuan Town"; a name not in the table is returned unchanged. */
export function placeNameEn(zh: string): string {
  for (const [suffix, en] of SUFFIXES) {
    if (zh.endsWith(suffix)) {
      const stem = STEMS[zh.slice(0, -suffix.length)];
      if (stem) return `${stem} ${en}`;
    }
  }
  return STEMS[zh] ?? zh;
}

/** Rewrite the area labels under `root` (they keep their Chinese name in data-zh) in the language. */
export function relabelPlaces(root: ParentNode, locale: 'zh-CN' | 'en'): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-zh]')) el.textContent = locale === 'en' ? placeNameEn(el.dataset.zh!) : el.dataset.zh!;
}
