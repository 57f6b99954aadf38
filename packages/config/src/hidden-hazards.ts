/**
 * Hidden hazards (隐患排查治理): categories, grades, how found, the status flow with the roles allowed to
 * take each step, overdue/recurring rules and attachment limits. Every entry is configuration.
 *
 * Sources:
 * - 《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》安监总管三〔2017〕121号 (20 criteria);
 * - 《工贸企业重大事故隐患判定标准》应急管理部令第10号 (2023, in force 2023-05-15);
 * - 《安全生产事故隐患排查治理暂行规定》国家安监总局令第16号 (2008): 重大事故隐患 治理方案 with
 *   目标任务、方法措施、经费物资、机构人员、时限要求、安全措施和应急预案 (the basis of "五到位");
 * - the county work-safety plan 五(三): 隐患 database, 五到位, closed loop, 挂牌督办 of 重大事故隐患, 12345 reports;
 * - 令第16号 第十四条: a 重大事故隐患 is reported (上报) to the safety-supervision department and the other
 *   departments concerned — the 上报 step below, once per 重大 hazard while it is open, with a note saying to whom.
 */
export interface LabelZhEn { zh: string; en: string }

export interface HazardFlowStep {
  /** The step's key, named in 403/409 answers. */
  key: string;
  zh: string;
  en: string;
  /** Status the hazard must be in ("" = a new record, "*" = any open status). */
  from: string;
  /** Status after the step ("*" = unchanged: a record such as 上报 that does not move the hazard along). */
  to: string;
  roles: string[];
  /** Properties that must be set (non-empty) when the step is taken, e.g. the five 到位 fields on assignment. */
  requires: string[];
  /** Only for hazards of these grades (409 naming the step otherwise); absent = every grade. */
  grades?: string[];
  /** Taken at most once per hazard (409 naming the step the second time). */
  once?: boolean;
  /** The step's note must say something (e.g. to whom and how it was reported). */
  needsNote?: boolean;
}

export interface HiddenHazardsConfig {
  categories: Record<string, LabelZhEn>;
  grades: Record<'general' | 'major', LabelZhEn>;
  sources: Record<string, LabelZhEn>;
  statuses: Record<string, LabelZhEn & { color: string; open: boolean }>;
  /** Shown (not stored) when the deadline has passed and the hazard is not closed; for 重大: 挂牌督办. */
  overdue: LabelZhEn & { color: string };
  supervised: LabelZhEn;
  /** Grades that are 挂牌督办 from the moment they are recorded. */
  supervisedGrades: string[];
  flow: HazardFlowStep[];
  /** Timezone of "today" for overdue (the day after the deadline in this zone is overdue). */
  timeZone: string;
  /** 屡改屡犯: the same unit with at least `minHazards` hazards found within `windowDays`. */
  recurring: { minHazards: number; windowDays: number };
  /** Four-colour map: a risk point with an open hazard of these grades gets a flag; its level is not changed. */
  flagRiskPointGrades: string[];
  attachments: { maxBytes: number; maxPerHazard: number; types: string[] };
  /** 重大事故隐患 criteria lists (configuration; the sector standards' numbered items). */
  majorCriteria: { key: string; title: string; source: string; items: string[] }[];
}

const L = (zh: string, en: string): LabelZhEn => ({ zh, en });

export const hiddenHazardsDefaults: HiddenHazardsConfig = {
  // The plan's 重点行业领域.
  categories: {
    'hazardous-chemicals': L('危险化学品', 'Hazardous chemicals'),
    transport: L('交通运输', 'Transport'),
    fire: L('消防', 'Fire safety'),
    construction: L('建筑施工', 'Construction'),
    industry: L('工贸', 'Industry and trade'),
    'special-equipment': L('特种设备', 'Special equipment'),
    gas: L('城镇燃气', 'Town gas'),
    'farm-machinery': L('农机', 'Farm machinery'),
    other: L('其他', 'Other'),
  },
  grades: { general: L('一般隐患', 'General'), major: L('重大隐患', 'Major') },
  sources: {
    'self-inspection': L('企业自查', 'Self-inspection'),
    'department-inspection': L('部门检查', 'Department inspection'),
    'expert-inspection': L('专家查', 'Expert inspection'),
    'public-report': L('群众举报（12345）', 'Public report (12345)'),
  },
  statuses: {
    found: { ...L('已发现', 'Found'), color: '#d7191c', open: true },
    rectifying: { ...L('整改中', 'Being rectified'), color: '#f07c1b', open: true },
    'awaiting-acceptance': { ...L('待验收', 'Awaiting acceptance'), color: '#2c7bb6', open: true },
    closed: { ...L('已销号', 'Closed'), color: '#1a9641', open: false },
  },
  overdue: { ...L('逾期', 'Overdue'), color: '#7b1fa2' },
  supervised: L('挂牌督办', 'Supervised (挂牌督办)'),
  supervisedGrades: ['major'],
  flow: [
    { key: 'record', ...L('登记', 'Record'), from: '', to: 'found', roles: ['planner', 'admin'], requires: [] },
    {
      key: 'assign', ...L('落实五到位', 'Assign (five in place)'), from: 'found', to: 'rectifying', roles: ['planner', 'admin'],
      requires: ['responsibleUnit', 'responsiblePerson', 'measures', 'fundsYuan', 'deadline', 'contingencyPlan'],
    },
    { key: 'report', ...L('报告整改完成', 'Report rectified'), from: 'rectifying', to: 'awaiting-acceptance', roles: ['planner', 'admin'], requires: [] },
    { key: 'reject', ...L('验收不通过', 'Reject'), from: 'awaiting-acceptance', to: 'rectifying', roles: ['commander', 'admin'], requires: [] },
    { key: 'close', ...L('验收销号', 'Verify and close'), from: 'awaiting-acceptance', to: 'closed', roles: ['commander', 'admin'], requires: [] },
    // 上报: a record, not a move — the status stays; for 重大 only, once, while the hazard is open.
    { key: 'escalate', ...L('上报', 'Report to higher authority'), from: '*', to: '*', roles: ['commander', 'admin'], requires: [], grades: ['major'], once: true, needsNote: true },
  ],
  timeZone: 'Asia/Shanghai',
  // Planning default, not a standard: set per county.
  recurring: { minHazards: 3, windowDays: 365 },
  flagRiskPointGrades: ['major'],
  attachments: { maxBytes: 2 * 1024 * 1024, maxPerHazard: 10, types: ['image/jpeg', 'image/png', 'application/pdf'] },
  majorCriteria: [
    {
      key: 'chemicals-2017',
      title: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
      source: '安监总管三〔2017〕121号',
      items: [
        '危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格',
        '特种作业人员未持证上岗',
        '涉及“两重点一重大”的生产装置、储存设施外部安全防护距离不符合国家标准要求',
        '涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能，装备的自动化控制系统、紧急停车系统未投入使用',
        '构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源的危险化学品罐区未配备独立的安全仪表系统',
        '全压力式液化烃储罐未按国家标准设置注水措施',
        '液化烃、液氨、液氯等易燃易爆、有毒有害液化气体的充装未使用万向管道充装系统',
        '光气、氯气等剧毒气体及硫化氢气体管道穿越除厂区（包括化工园区、工业园区）外的公共区域',
        '地区架空电力线路穿越生产区且不符合国家标准要求',
        '在役化工装置未经正规设计且未进行安全设计诊断',
        '使用淘汰落后安全技术工艺、设备目录列出的工艺、设备',
        '涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，爆炸危险场所未按国家标准安装使用防爆电气设备',
        '控制室或机柜间面向具有火灾、爆炸危险性装置一侧不满足国家标准关于防火防爆的要求',
        '化工生产装置未按国家标准要求设置双重电源供电，自动化控制系统未设置不间断电源',
        '安全阀、爆破片等安全附件未正常投用',
        '未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度',
        '未制定操作规程和工艺控制指标',
        '未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行',
        '新开发的危险化学品生产工艺未经小试、中试、工业化试验直接进行工业化生产；国内首次使用的化工工艺未经过省级人民政府有关部门组织的安全可靠性论证；新建装置未制定试生产方案投料开车；精细化工企业未按规范性文件要求开展反应安全风险评估',
        '未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存',
      ],
    },
    {
      key: 'industry-2023',
      title: '工贸企业重大事故隐患判定标准',
      source: '应急管理部令第10号（2023年4月14日公布，2023年5月15日施行）',
      items: [
        '第三条 通用：未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查的',
        '第三条 通用：特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业的',
        '第三条 通用：金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格的',
        '第四条起 分行业：冶金、有色、建材、机械、轻工、纺织、烟草、商贸及存在粉尘爆炸危险、使用液氨制冷、有限空间作业的工贸企业的重大事故隐患情形（按原文逐条配置）',
      ],
    },
  ],
};
