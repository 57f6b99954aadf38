/**
 * What a screen says when a call fails: the API's error `code` through the contract's labels (ERROR_CODE_LABELS),
 * the fields at fault by their labels, and a rule's `key` with its figures — never the server's English message.
 * An unknown code gets a generic sentence with the code, so it can still be reported.
 */
import { ERROR_CODE_LABELS, IMPORT_FILE_REASONS, labelIn, type ErrorCode, type Label } from '@riskmap/contract';
import { ApiError, type FieldError } from '../api/client.js';
import { fill, type Locale } from './index.js';

type Params = Record<string, unknown>;
const L = (zh: string, en: string): Label => ({ zh, en });

/** Codes the client makes itself (no answer, cancelled, an answer without the error shape). */
const CLIENT_CODES: Record<string, Label> = {
  network: L('无法连接服务器（网络中断或服务器未运行），请稍后重试', 'The server cannot be reached (network or server down); try again shortly'),
  aborted: L('已取消', 'Cancelled'),
  http: L('服务器返回了无法识别的应答', 'The server answered something unexpected'),
};

/** The rules of the editing service (apps/api/src/editing/feature-rules.ts `RuleKey`) and the import's value keys, with their figures. */
const RULES: Record<string, { zh: string; en: string }> = {
  'scope.townships': L('限定乡镇（{scope}）的规划人员不能编辑乡镇边界', 'Township outlines are edited by unscoped planners or admins (you are limited to township {scope})'),
  'scope.claimed': L('您只能编辑乡镇 {scope} 的记录（此记录属于 {township}）', 'You may edit only features of township {scope} (this one says {township})'),
  'scope.outside': L('位置在您负责的乡镇 {scope} 之外（超出其边界 {tolerance} 米以上）', 'Outside your township {scope} (more than {tolerance} m beyond its outline)'),
  'geometry.shape': L('几何形状有误', 'The geometry is malformed'),
  'geometry.invalid': L('几何无效', 'Not a valid geometry'),
  'geometry.outside': L('位置在县域范围之外（距县界超过 {tolerance} 米）', 'Outside the county (more than {tolerance} m from its boundary)'),
  'township.unknown': L('没有编码为“{township}”的乡镇', 'No township "{township}"'),
  'township.mismatch': L('位置位于乡镇 {located}，不是 {township}', 'The location lies in township {located}, not {township}'),
  'value.required': L('必填，不能为空', 'Required'),
  'value.notOption': L('“{value}”不是允许的取值', '"{value}" is not one of the allowed values'),
  'value.notNumber': L('“{value}”不是数字', '"{value}" is not a number'),
  'value.tooSmall': L('小于下限 {limit}', 'Below the minimum {limit}'),
  'value.tooBig': L('超过上限 {limit}', 'Above the maximum {limit}'),
  'code.taken': L('编号“{code}”已存在（可能已删除，请先恢复）', 'Code "{code}" already exists (possibly deleted: restore it)'),
};

const GENERIC = L('操作未成功（错误代码：{code}）', 'The request failed (error code: {code})');
const FIELD_GENERIC = L('取值有误', 'Invalid value');
const RETRY = L('（{n} 秒后可重试）', ' (retry in {n} s)');
const JOIN = { zh: '；', en: '; ' };

const isApiCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODE_LABELS, code);

/** The label of an error code in the locale; unknown codes: a generic sentence naming the code. */
export function codeText(code: string, locale: Locale): string {
  if (isApiCode(code)) return labelIn(ERROR_CODE_LABELS[code], locale);
  const own = CLIENT_CODES[code];
  return own ? labelIn(own, locale) : fill(labelIn(GENERIC, locale), { code });
}

/** A rule's sentence from its key and figures, or null when the key is not known here. */
export function ruleText(key: string | undefined, params: Params | undefined, locale: Locale): string | null {
  // an import's whole-file reasons (details.key file.* / crs.*) come with their labels from the contract
  const rule = key ? (RULES[key] ?? (Object.hasOwn(IMPORT_FILE_REASONS, key) ? IMPORT_FILE_REASONS[key as keyof typeof IMPORT_FILE_REASONS].label : undefined)) : undefined;
  if (!rule) return null;
  const vars = Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, String(v ?? '')]));
  return fill(labelIn(rule, locale), vars);
}

/** Why one field was refused: its rule's sentence, else "invalid value" (the English reason stays out). */
export function fieldReason(f: Pick<FieldError, 'key' | 'params'>, locale: Locale): string {
  return ruleText(f.key, f.params, locale) ?? labelIn(FIELD_GENERIC, locale);
}

/**
 * The sentence to show for a failed call. `fieldLabel` names a field (`properties.capacity` → 可容纳人数); without it
 * the fields are left out.
 * @example errorText(new ApiError(401, 'invalid_credentials', 'wrong username or password'), 'zh-CN') → '用户名或密码错误'
 */
export function errorText(e: unknown, locale: Locale, fieldLabel?: (field: string) => string): string {
  if (!(e instanceof ApiError)) return fill(labelIn(GENERIC, locale), { code: e instanceof Error ? e.name : 'error' });
  let text = codeText(e.code, locale);
  const rule = ruleText(e.details?.key as string | undefined, e.details?.params as Params | undefined, locale);
  if (rule) text += `${JOIN[locale === 'en' ? 'en' : 'zh']}${rule}`;
  if (fieldLabel && e.fields.length) {
    const colon = locale === 'en' ? ': ' : '：';
    const parts = e.fields.map((f) => `${fieldLabel(f.field)}${colon}${fieldReason(f, locale)}`);
    text += `${colon}${parts.join(JOIN[locale === 'en' ? 'en' : 'zh'])}`;
  }
  const retry = Number(e.details?.retryAfterS);
  if (Number.isFinite(retry) && retry > 0) text += fill(labelIn(RETRY, locale), { n: Math.ceil(retry) });
  return text;
}
