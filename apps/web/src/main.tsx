/** Entry: picks the screen from the path and lazy-loads it, so /find never loads the command map's code. */
import { StrictMode, Suspense, lazy, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContext, initialLocale, saveLocale, translate, type Locale } from './i18n/index.js';
import './styles/base.css';

const CommandApp = lazy(() => import('./command/CommandApp.js'));
const FinderApp = lazy(() => import('./public/FinderApp.js'));
const PlanningApp = lazy(() => import('./planning/PlanningApp.js'));
const KeysApp = lazy(() => import('./keys/KeysApp.js'));
const HazardsApp = lazy(() => import('./hazards/HazardsApp.js'));
const ScoreboardApp = lazy(() => import('./hazards/ScoreboardApp.js'));
const UsersApp = lazy(() => import('./admin/UsersApp.js'));

export function screenFor(pathname: string): 'find' | 'command' | 'planning' | 'keys' | 'hazards' | 'scoreboard' | 'users' {
  if (/^\/planning\/?$/.test(pathname)) return 'planning';
  if (/^\/keys\/?$/.test(pathname)) return 'keys';
  if (/^\/hazards\/?$/.test(pathname)) return 'hazards';
  if (/^\/scoreboard\/?$/.test(pathname)) return 'scoreboard';
  if (/^\/admin\/users\/?$/.test(pathname)) return 'users';
  return /^\/find\/?$/.test(pathname) ? 'find' : 'command';
}

function Root() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const i18n = useMemo(
    () => ({
      locale,
      t: (k: Parameters<typeof translate>[1]) => translate(locale, k),
      setLocale: (l: Locale) => {
        saveLocale(l);
        setLocaleState(l);
      },
    }),
    [locale],
  );
  document.documentElement.lang = locale;
  const screen = screenFor(location.pathname);
  document.title = screen === 'hazards' ? '隐患排查治理' : screen === 'scoreboard' ? '规划指标考核' : translate(locale, screen === 'find' ? 'finderTitle' : screen === 'planning' ? 'planning.title' : screen === 'keys' ? 'keys.title' : screen === 'users' ? 'admin.users.title' : 'appTitle');
  return (
    <I18nContext.Provider value={i18n}>
      <Suspense fallback={<div className="boot">{translate(locale, 'loading')}</div>}>{screen === 'find' ? <FinderApp /> : screen === 'planning' ? <PlanningApp /> : screen === 'keys' ? <KeysApp /> : screen === 'users' ? <UsersApp /> : screen === 'hazards' ? <HazardsApp /> : screen === 'scoreboard' ? <ScoreboardApp /> : <CommandApp />}</Suspense>
    </I18nContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
