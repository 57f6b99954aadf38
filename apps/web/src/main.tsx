/** Entry: picks the screen from the path and lazy-loads it, so /find never loads the command map's code. */
import { StrictMode, Suspense, lazy, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContext, initialLocale, saveLocale, translate, type Locale } from './i18n/index.js';
import './styles/base.css';

const CommandApp = lazy(() => import('./command/CommandApp.js'));
const FinderApp = lazy(() => import('./public/FinderApp.js'));
const PlanningApp = lazy(() => import('./planning/PlanningApp.js'));

export function screenFor(pathname: string): 'find' | 'command' | 'planning' {
  if (/^\/planning\/?$/.test(pathname)) return 'planning';
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
  document.title = translate(locale, screen === 'find' ? 'finderTitle' : screen === 'planning' ? 'planning.title' : 'appTitle');
  return (
    <I18nContext.Provider value={i18n}>
      <Suspense fallback={<div className="boot">{translate(locale, 'loading')}</div>}>{screen === 'find' ? <FinderApp /> : screen === 'planning' ? <PlanningApp /> : <CommandApp />}</Suspense>
    </I18nContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
