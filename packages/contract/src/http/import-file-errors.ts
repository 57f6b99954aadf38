import type { Label } from '../enumeration.js';
import type { ErrorCode } from './error-codes.js';

/**
 * Why an import refused a whole file (or could not read past one cell): the answer's `error.code` stays the broad
 * code of ERROR_CODES (invalid_file, unsupported_crs …); `error.details.key` is one of these reasons and
 * `error.details.params` its figures, so a client shows the reason in its language ({name} placeholders) instead of
 * the English message. The API renders `message` from the same labels in the request's language.
 */
export const IMPORT_FILE_REASONS = {
  'file.empty': { code: 'empty_file', status: 400, label: { zh: '请求中没有文件内容，请选择要导入的文件', en: 'send the file as the request body' } },
  'file.noRows': { code: 'empty_file', status: 400, label: { zh: '文件中没有可导入的行', en: 'the file has no rows to import' } },
  'file.tooLarge': { code: 'payload_too_large', status: 413, label: { zh: '文件超过导入大小上限 {limitMb} MB（IMPORT_MAX_BYTES），请拆分后再导入', en: 'the file is larger than the import limit of {limitMb} MB (IMPORT_MAX_BYTES)' } },
  'file.tooManyRows': { code: 'too_many_rows', status: 413, label: { zh: '文件有 {rows} 行，每次最多导入 {limit} 行（IMPORT_MAX_ROWS），请拆分文件', en: 'the file has {rows} rows; an import takes at most {limit} (IMPORT_MAX_ROWS); split it' } },
  'file.inflatedTooLarge': { code: 'inflated_too_large', status: 413, label: { zh: '压缩包解压后超过 {limitMb} MB（IMPORT_MAX_INFLATED_BYTES），未解压即拒绝', en: 'the archive expands to more than {limitMb} MB (IMPORT_MAX_INFLATED_BYTES): refused before unpacking' } },
  'file.unsupportedFormat': { code: 'unsupported_format', status: 415, label: { zh: '无法导入此类文件（{media}）；请上传 GeoJSON、CSV、XLSX、zip 压缩的 Shapefile、GeoPackage、KML 或 KMZ', en: 'cannot import {media}; send GeoJSON, CSV, XLSX, a zipped Shapefile, GeoPackage, KML or KMZ (or say which with ?format=)' } },
  'file.nul': { code: 'nul_character', status: 400, label: { zh: '第 {row} 行「{column}」：单元格中含有空字符（\\0），无法保存为文字，请删除', en: 'row {row}, column "{column}": the cell holds a NUL character (\\0), which text cannot store; remove it' } },
  'file.notJson': { code: 'invalid_file', status: 400, label: { zh: '文件不是有效的 JSON（可能已损坏，或并非 GeoJSON 文件）', en: 'not JSON: {detail}' } },
  'file.notGeoJson': { code: 'invalid_file', status: 400, label: { zh: '文件不是 GeoJSON 要素集合（FeatureCollection）或要素（Feature）', en: 'expected a GeoJSON FeatureCollection or Feature' } },
  'file.notZip': { code: 'invalid_file', status: 400, label: { zh: '文件不是可读的 zip 压缩包；Shapefile 请把 .shp、.dbf、.shx、.prj 一起压缩为 zip 再导入', en: 'not a zip archive: {detail}' } },
  'file.noShp': { code: 'invalid_file', status: 400, label: { zh: '压缩包中没有 .shp 文件', en: 'the zip holds no .shp file' } },
  'file.manyShp': { code: 'invalid_file', status: 400, label: { zh: '压缩包中有 {count} 个 Shapefile（{names}），每次只能导入一个', en: 'the zip holds {count} Shapefiles ({names}); send one per import' } },
  'file.noDbf': { code: 'invalid_file', status: 400, label: { zh: '压缩包中有 {base}.shp，但没有属性表 {base}.dbf', en: 'the zip has {base}.shp but no {base}.dbf' } },
  'file.badShapefile': { code: 'invalid_file', status: 400, label: { zh: 'Shapefile 无法读取（文件可能已损坏或不完整）', en: 'cannot read the Shapefile: {detail}' } },
  'file.notXlsx': { code: 'invalid_file', status: 400, label: { zh: '文件不是 XLSX 工作簿（旧版 .xls 请另存为 .xlsx 后再导入）', en: 'not an XLSX workbook: {detail}' } },
  'file.noWorksheet': { code: 'invalid_file', status: 400, label: { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' } },
  'file.notGeoPackage': { code: 'invalid_file', status: 400, label: { zh: '文件不是 GeoPackage（没有 gpkg_contents 表，或不是 SQLite 数据库）', en: 'not a GeoPackage: {detail}' } },
  'file.noFeatureTable': { code: 'invalid_file', status: 400, label: { zh: 'GeoPackage 中没有要素表（图层）', en: 'the GeoPackage has no feature table' } },
  'file.notKml': { code: 'invalid_file', status: 400, label: { zh: '文件不是有效的 KML 文档', en: 'not a KML document: {detail}' } },
  'file.kmzNoKml': { code: 'invalid_file', status: 400, label: { zh: 'KMZ 压缩包中没有 .kml 文档', en: 'the KMZ holds no .kml document' } },
  'crs.unknown': { code: 'unsupported_crs', status: 400, label: { zh: '不支持的坐标系“{crs}”；可选 WGS84、CGCS2000、GCJ-02、BD-09，或 EPSG:4490、EPSG:3857、CGCS2000 高斯-克吕格投影带（EPSG:4491–4554）', en: 'unsupported coordinate reference system "{crs}"' } },
  'crs.prjUnsupported': { code: 'unsupported_crs', status: 400, label: { zh: 'Shapefile 的 .prj 中的坐标系无法识别或不受支持（如西安 1980、北京 1954）；请转换为 CGCS2000 或 WGS84，或在“坐标系”中选择', en: "the Shapefile's .prj: {detail}" } },
} as const satisfies Record<string, { code: ErrorCode; status: number; label: Label }>;

export type ImportFileReason = keyof typeof IMPORT_FILE_REASONS;

/**
 * A reason's sentence in a language, its {placeholders} filled from `params` (a missing one is left empty).
 * @example importFileMessage('file.noDbf', { base: 'shelters' }, 'zh-CN') // '压缩包中有 shelters.shp，但没有属性表 shelters.dbf'
 */
export function importFileMessage(key: ImportFileReason, params: Record<string, unknown>, locale: 'zh-CN' | 'en'): string {
  const label = IMPORT_FILE_REASONS[key].label;
  return (locale === 'en' ? label.en : label.zh).replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined || params[k] === null ? '' : String(params[k])));
}

/** Notes about a whole file that do not refuse it (the answer's `warnings`, in the request's language). */
export const IMPORT_FILE_NOTES = {
  'note.leftOut': { zh: '以下列不属于本图层，已忽略：{columns}', en: 'columns not part of layer {layer} were left out: {columns}' },
  'note.noPrj': { zh: '压缩包中没有 .prj 文件：坐标按所选坐标系读取（默认经纬度 WGS84）', en: 'no .prj in the zip: coordinates taken as the declared crs (longitude/latitude)' },
  'note.unknownCpg': { zh: '.cpg 文件写的编码“{cpg}”无法识别，已自动识别属性表编码', en: 'the .cpg names an unknown encoding ("{cpg}"); the encoding was detected instead' },
  'note.crsOverride': { zh: '文件声明的坐标系为 {declared}；已按所选的 {chosen} 转换', en: 'the file declares {declared}; converted from {chosen} as asked' },
  'note.manyTables': { zh: 'GeoPackage 中有 {count} 个要素表（{tables}），只读取了 {read}', en: 'the GeoPackage has {count} feature tables ({tables}); {read} was read' },
} as const satisfies Record<string, Label>;

export type ImportFileNote = keyof typeof IMPORT_FILE_NOTES;

/**
 * A note's sentence in a language.
 * @example importNoteMessage('note.noPrj', {}, 'en') // 'no .prj in the zip: …'
 */
export function importNoteMessage(key: ImportFileNote, params: Record<string, unknown>, locale: 'zh-CN' | 'en'): string {
  const label = IMPORT_FILE_NOTES[key];
  return (locale === 'en' ? label.en : label.zh).replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined || params[k] === null ? '' : String(params[k])));
}
