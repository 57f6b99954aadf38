/** The per-capita target in the header: checked as you type (message in the user's language), applied when valid after a short pause, at once on Enter. */
import { useEffect, useId } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { parseTarget } from './per-capita-logic.js';

/** Why a target text is not usable, or null when it is. @example targetProblem('abc') → 'plan.targetNotNumber' */
export function targetProblem(text: string): MessageKey | null {
  if (parseTarget(text) !== null) return null;
  return text.trim() === '' || !Number.isFinite(Number(text.trim())) ? 'plan.targetNotNumber' : 'plan.targetRange';
}

export function TargetField({ text, setText, onValid }: { text: string; setText: (s: string) => void; onValid: (v: number) => void }) {
  const { t } = useI18n();
  const id = useId();
  const problem = targetProblem(text);
  useEffect(() => {
    const v = parseTarget(text);
    if (v === null) return;
    const timer = setTimeout(() => onValid(v), 500);
    return () => clearTimeout(timer);
  }, [text, onValid]);
  return (
    <>
      <label className="target-input">
        {t('planning.target')}
        <input
          value={text}
          inputMode="decimal"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            const v = parseTarget(text);
            if (e.key === 'Enter' && v !== null) onValid(v);
          }}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-msg`}
          title={t('plan.targetHint')}
          data-testid="target-input"
        />
        {t('planning.unit.m2PerPerson')}
      </label>
      <span id={`${id}-msg`} className={problem ? 'badge warn-badge' : 'sr-only'} role={problem ? 'alert' : undefined} data-testid="target-error">
        {problem ? t(problem) : t('plan.targetHint')}
      </span>
    </>
  );
}
