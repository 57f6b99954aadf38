/** The planning workspace's 指标考核 tab: the same scoreboard sheet as /scoreboard, with a link to print it there. */
import { useScoped } from '../i18n/index.js';
import { ScoreboardSheet, useScoreboard } from '../hazards/ScoreboardSheet.js';
import '../hazards/scoreboard.css';

export function ScoreboardTab() {
  const h = useScoped('hazards');
  const { board, role, load } = useScoreboard();
  return (
    <div className="scoreboard-tab" data-testid="scoreboard-tab">
      <a className="button-link" href="/scoreboard" data-testid="scoreboard-page-link">{h('openScoreboard')}</a>
      <ScoreboardSheet board={board} role={role} load={load} />
    </div>
  );
}
