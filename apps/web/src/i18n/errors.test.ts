import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@riskmap/contract';
import { ApiError, errorOf } from '../api/client.js';
import { codeText, errorText } from './errors.js';

const cjk = /[\u4e00-\u9fff]/;

describe('errorText', () => {
  it('says every API error code in Chinese and in English, never the server message', () => {
    for (const code of ERROR_CODES) {
      const e = new ApiError(400, code, 'an English server message');
      expect(errorText(e, 'zh-CN')).toMatch(cjk);
      expect(errorText(e, 'zh-CN')).not.toContain('English');
      expect(errorText(e, 'en')).not.toMatch(cjk);
    }
  });
  it('gives an unknown code a generic Chinese sentence with the code', () => {
    expect(errorText(new ApiError(418, 'teapot', 'I am a teapot'), 'zh-CN')).toBe('操作未成功（错误代码：teapot）');
    expect(codeText('network', 'zh-CN')).toContain('无法连接服务器');
  });
  it('reads the error body: code, fields, a rule key with its figures, the retry delay', () => {
    const e = errorOf(403, { error: { code: 'outside_scope', message: 'x', details: { key: 'scope.outside', params: { scope: '371521001', tolerance: 50 }, fields: [{ field: 'geometry', message: 'x' }] } } });
    expect(e).toMatchObject({ status: 403, code: 'outside_scope', fields: [{ field: 'geometry' }] });
    expect(errorText(e, 'zh-CN')).toBe('超出您负责的乡镇范围；位置在您负责的乡镇 371521001 之外（超出其边界 50 米以上）');
    expect(errorText(e, 'zh-CN', (f) => (f === 'geometry' ? '位置' : f))).toContain('：位置：');
    const limited = errorOf(429, { error: { code: 'too_many_attempts', message: 'try again in 30 s', details: { retryAfterS: 30 } } });
    expect(errorText(limited, 'zh-CN')).toBe('登录失败次数过多，请稍后再试（30 秒后可重试）');
    expect(errorOf(502, '<html>').code).toBe('http');
  });
  it('says an import’s whole-file reason (details.key) in Chinese, with its figures', () => {
    const e = errorOf(400, { error: { code: 'invalid_file', message: 'the zip has a.shp but no a.dbf', details: { key: 'file.noDbf', params: { base: '避难场所' }, field: 'body', fields: [{ field: 'body', message: 'x' }] } } });
    expect(errorText(e, 'zh-CN')).toBe('文件无法读取；压缩包中有 避难场所.shp，但没有属性表 避难场所.dbf');
    expect(errorText(e, 'en')).toBe('The file cannot be read; the zip has 避难场所.shp but no 避难场所.dbf');
    const crs = errorOf(400, { error: { code: 'unsupported_crs', message: 'x', details: { key: 'crs.unknown', params: { crs: 'beijing54' } } } });
    expect(errorText(crs, 'zh-CN')).toContain('不支持的坐标系“beijing54”');
  });
});
