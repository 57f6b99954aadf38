/** What a siting result's figures count and under which rule, the demand it cannot cover, and the candidates it left out: on screen (the list folded) and on the printed sheet (the first rows shown). */
import { useI18n } from '../i18n/index.js';
import { sitingExplanation } from './siting-explain-logic.js';
import type { SitingResult } from './siting-logic.js';

/** Excluded candidates listed: on screen before 另有 N 个, and on paper (less room). */
const MAX_EXCLUDED = { screen: 8, print: 5 } as const;

export function SitingExplain({ result, variant = 'screen' }: { result: SitingResult; variant?: 'screen' | 'print' }) {
  const { t, locale } = useI18n();
  const x = sitingExplanation(result, t, locale, MAX_EXCLUDED[variant]);
  // Both copies are in the page (the side panel is only hidden in print): the sheet's ids are prefixed.
  const id = (s: string) => (variant === 'print' ? `print-${s}` : s);
  const rows = x.excluded ? (
    <>
      <ul>
        {x.excluded.rows.map((row) => (
          <li key={row}>{row}</li>
        ))}
      </ul>
      {x.excluded.more ? <p className="sub-note">{x.excluded.more}</p> : null}
    </>
  ) : null;
  return (
    <div className={`siting-explain ${variant}`} data-testid={id('siting-explain')}>
      {x.rule ? (
        <p className="sub-note" data-testid={id('siting-rule')}>
          <strong>{t('planning.siting.ruleLabel')}</strong>
          {t('planning.list.colon')}
          {x.rule}
        </p>
      ) : null}
      {x.basis ? (
        <p className="sub-note" data-testid={id('siting-basis')}>
          <strong>{t('planning.siting.basisLabel')}</strong>
          {t('planning.list.colon')}
          {x.basis}
          {x.total ? ` · ${x.total}` : ''}
        </p>
      ) : null}
      {x.uncoverable ? (
        <p className="sub-note warn" data-testid={id('siting-uncoverable')}>
          {x.uncoverable}
        </p>
      ) : null}
      {x.excluded && variant === 'screen' ? (
        <details className="excluded" data-testid="siting-excluded">
          <summary>{x.excluded.summary}</summary>
          {rows}
        </details>
      ) : null}
      {x.excluded && variant === 'print' ? (
        <div className="excluded" data-testid="print-siting-excluded">
          <p className="sub-note">{x.excluded.summary}</p>
          {rows}
        </div>
      ) : null}
    </div>
  );
}
