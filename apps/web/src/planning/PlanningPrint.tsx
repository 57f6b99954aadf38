/** Only on the printed planning sheet: title, date and basis, the legend of every symbol the map draws, the scenario summary or the siting result with its rule, demand basis, uncoverable demand and excluded candidates (map and table print as they are). */
import { useI18n } from '../i18n/index.js';
import type { LegendItem } from '../common/legend.js';
import { PrintLegend } from '../common/PrintLegend.js';
import { compareTable, type Scenario } from './scenario-logic.js';
import { CompareTable } from './ScenarioPanel.js';
import { BeforeAfter } from './BeforeAfter.js';
import { SitingExplain } from './SitingExplain.js';
import { problemLabel, type SitingResult } from './siting-logic.js';

export function PlanningPrint({ areaName, targetM2, includePlanned, sample, result, compared, legend }: { areaName: string | null; targetM2: number; includePlanned: boolean; sample: boolean; result: SitingResult | null; compared: Scenario[]; legend: LegendItem[] }) {
  const { t, locale } = useI18n();
  return (
    <>
      <div className="print-only planning-print-head">
        <h1 className="print-title" data-testid="planning-print-title">
          {t('planning.print.title')}
          {areaName ? ` · ${areaName}` : ''}
        </h1>
        <p>
          {t('printDate')}: {new Date().toLocaleDateString(locale)} · {t('planning.areaBasis')} · {t('planning.kpiTarget')} {targetM2} {t('planning.unit.m2PerPerson')} · {includePlanned ? t('planning.includePlanned') : t('planning.print.current')}
          {sample ? ` · ${t('sample')}` : ''}
          {areaName ? ` · ${t('print.area.note')}` : ''}
        </p>
        <PrintLegend items={legend} title={t('print.legend')} />
      </div>
      <section className="print-only planning-print-scenarios" data-testid="print-scenarios">
        <h2>{t('planning.print.scenarios')}</h2>
        {compared.length > 0 ? <CompareTable scenarios={compared} rows={compareTable(compared, t)} /> : null}
        {compared.length === 0 && result ? (
          <>
            <p>
              {problemLabel(result.problem, t)} · {t('planning.siting.sites')} {result.chosen.length}
              {t('planning.list.colon')}
              {result.sites.features.map((f) => f.properties.name).join(t('planning.list.sep'))}
            </p>
            <BeforeAfter result={result} />
            <SitingExplain result={result} variant="print" />
          </>
        ) : null}
        {compared.length === 0 && !result ? <p>{t('planning.print.noScenario')}</p> : null}
        <p className="print-footer-note">{t('printSource')}</p>
      </section>
    </>
  );
}
