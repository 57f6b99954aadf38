/** Elements only the printed sheet shows: title (above the map), then date, legend of every symbol the map draws and data-source note (the map, north arrow, scale bar and watermark print with PrintMarks). */
import { useI18n } from '../i18n/index.js';
import type { SheetText } from '../common/print-map.js';
import { PrintLegend } from '../common/PrintLegend.js';

export function PrintSheet({ sheet }: { sheet: SheetText }) {
  const { t } = useI18n();
  return (
    <>
      <div className="print-only print-sheet print-head" aria-hidden="true">
        <h1 className="print-title">{sheet.title}</h1>
      </div>
      <div className="print-only print-sheet print-foot" aria-hidden="true">
        <PrintLegend items={sheet.legend} title={t('print.legend')} />
        <p className="print-footer">
          {sheet.date} · {sheet.source}
          {sheet.watermark ? ` · ${sheet.watermark}` : ''}
        </p>
      </div>
    </>
  );
}
