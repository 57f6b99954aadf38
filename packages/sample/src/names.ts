/**
 * Generated Chinese names for the sample: villages, communities, people, phone numbers, addresses
 * and neutral enterprise names ("XX镇示例化工企业3"). None of them refers to a real organisation.
 */
import type { Rng } from './prng.js';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '田', '董', '袁', '潘', '于', '蒋', '蔡', '魏',
];
const VILLAGE_SUFFIXES = ['庄', '楼', '集', '屯', '店', '营', '寨', '堂', '洼', '口', '桥', '园', '坊', '庙', '海', '堤'];
const VILLAGE_PREFIXES = ['', '', '', '东', '西', '南', '北', '前', '后', '大', '小'];
const COMMUNITY_WORDS = [
  '文化', '振兴', '金水', '清河', '育才', '和平', '建设', '新华', '民主', '繁荣', '幸福', '锦绣', '凤凰', '博文', '景阳',
  '滨河', '光明', '兴业', '安居', '康乐', '永安', '花园', '紫荆', '翠苑', '明珠', '阳光', '惠民', '府前', '书院', '晨光',
];
const COMMUNITY_SUFFIXES = ['社区', '路社区', '苑社区', '里社区'];
const GIVEN = ['建国', '秀英', '志强', '丽华', '海峰', '桂兰', '俊杰', '红梅', '国栋', '玉兰', '德明', '晓东', '春生', '淑珍', '立新', '文静'];

/** Township name without its 街道/镇/乡 suffix, e.g. '阎楼镇' → '阎楼'. */
export function shortTownshipName(name: string): string {
  return name.replace(/(街道|镇|乡)$/, '');
}

/**
 * A village name not yet in `used` (which is updated), e.g. '东王庄村'.
 * @example villageName(rng, new Set()) // '李楼村'
 */
export function villageName(rng: Rng, used: Set<string>): string {
  for (let i = 0; i < 1000; i++) {
    const name = `${rng.pick(VILLAGE_PREFIXES)}${rng.pick(SURNAMES)}${rng.pick(VILLAGE_SUFFIXES)}村`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('villageName: name space exhausted');
}

/**
 * A community (社区) name not yet in `used` (which is updated), e.g. '振兴路社区'.
 * @example communityName(rng, new Set()) // '清河苑社区'
 */
export function communityName(rng: Rng, used: Set<string>): string {
  for (let i = 0; i < 1000; i++) {
    const name = `${rng.pick(COMMUNITY_WORDS)}${rng.pick(COMMUNITY_SUFFIXES)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('communityName: name space exhausted');
}

/**
 * A generated person name (sample contact), e.g. '王建国'.
 * @example personName(rng)
 */
export function personName(rng: Rng): string {
  return `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
}

/**
 * A sample landline in the local 0635-6XXXXXX pattern.
 * @example phone(rng) // '0635-6123456'
 */
export function phone(rng: Rng): string {
  return `0635-6${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

const STREETS = ['育才路', '清河路', '文化路', '阳谷大道', '金水路', '博济路', '谷山路', '新华街', '运河路', '景阳岗路', '振兴街', '府前街'];

/**
 * A sample street address in the given township, e.g. '阳谷县阎楼镇育才路28号（示例）'.
 * @example address(rng, '阎楼镇')
 */
export function address(rng: Rng, townshipName: string): string {
  return `阳谷县${townshipName}${rng.pick(STREETS)}${rng.int(1, 299)}号（示例）`;
}
