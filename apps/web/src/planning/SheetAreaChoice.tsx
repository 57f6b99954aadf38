/** 打印范围: the planning sheet is about the whole county or one township (map, tables and title follow). */
import { useI18n } from '../i18n/index.js';

export function SheetAreaChoice({ townships, code, setCode }: { townships: { code: string; name: string }[]; code: string | null; setCode: (c: string | null) => void }) {
  const { t } = useI18n();
  return (
    <label className="paper-choice">
      {t('print.area')}
      <select value={code ?? ''} onChange={(e) => setCode(e.target.value || null)} data-testid="sheet-area" aria-label={t('print.area')}>
        <option value="">{t('print.area.county')}</option>
        {townships.map((x) => (
          <option key={x.code} value={x.code}>
            {x.name}
          </option>
        ))}
      </select>
    </label>
  );
}
