/** 规划指标考核 page: the scoreboard sheet on its own; prints as one A4 sheet. */
import { Header } from '../common/Header.js';
import { LoginForm } from '../command/LoginForm.js';
import { useScoped } from '../i18n/index.js';
import { ScoreboardSheet, useScoreboard } from './ScoreboardSheet.js';
import './scoreboard.css';

export default function ScoreboardApp() {
  const h = useScoped('hazards');
  const { board, role, load } = useScoreboard();
  return (
    <div className="scoreboard-app">
      <Header title={h('scoreboard')} sample={board?.sample ?? false}>
        <nav className="screen-links no-print">
          <a href="/">{h('mapLink')}</a>
          <a href="/hazards">{h('hazardsLink')}</a>
          <a href="/planning">{h('planningLink')}</a>
          <button type="button" onClick={() => window.print()} data-testid="print-scoreboard">{h('print')}</button>
        </nav>
      </Header>
      <main>
        <ScoreboardSheet board={board} role={role} load={load} />
      </main>
      {role === 'public' ? <LoginForm onSignedIn={() => void load()} /> : null}
    </div>
  );
}
