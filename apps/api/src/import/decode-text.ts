import iconv from 'iconv-lite';
import type { ImportEncoding } from './types.js';

/** True when the bytes are well-formed UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding to read text bytes with: the declared one, or for `auto` UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK).
 * @example pickEncoding(iconv.encode('名称', 'gbk'), 'auto') // 'gb18030'
 */
export function pickEncoding(bytes: Uint8Array, declared: ImportEncoding): 'utf-8' | 'gbk' | 'gb18030' {
  if (declared !== 'auto') return declared;
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}

/**
 * Decode text bytes (a leading UTF-8 BOM is dropped) with the declared encoding or the detected one.
 * @example decodeText(iconv.encode('名称,lon\n', 'gbk'), 'auto') // { text: '名称,lon\n', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array, declared: ImportEncoding): { text: string; encoding: string } {
  const encoding = pickEncoding(bytes, declared);
  let text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

/**
 * The encoding named by a Shapefile .cpg file (code page number or name), or undefined when unknown.
 * @example encodingOfCpg('936') // 'gbk'
 */
export function encodingOfCpg(cpg: string): 'utf-8' | 'gbk' | 'gb18030' | undefined {
  const v = cpg.trim().toLowerCase().replace(/[\s_-]/g, '');
  if (['utf8', '65001'].includes(v)) return 'utf-8';
  if (['gbk', '936', 'cp936', 'gb2312', 'ansi936', 'windows936'].includes(v)) return 'gbk';
  if (['gb18030', '54936'].includes(v)) return 'gb18030';
  return undefined;
}
