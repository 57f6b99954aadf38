/** Loads the register, its statistics and vocabulary, and reloads them on every live hidden-hazard change. */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client.js';
import type { LiveState } from '../common/event-stream.js';
import { useLiveChanges } from '../common/use-live-changes.js';
import { hazardApi, type HazardCollection, type Statistics, type Vocabulary } from './hazard-api.js';

export interface HazardsData {
  vocabulary: Vocabulary | null;
  hazards: HazardCollection | null;
  stats: Statistics | null;
  role: string;
  needsLogin: boolean;
  live: LiveState;
  revision: number;
  reload: () => void;
}

export function useHazards(by: 'township' | 'category', openOnly: boolean): HazardsData {
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);
  const [hazards, setHazards] = useState<HazardCollection | null>(null);
  const [stats, setStats] = useState<Statistics | null>(null);
  const [role, setRole] = useState('public');
  const [needsLogin, setNeedsLogin] = useState(false);
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((r) => r + 1), []);

  useEffect(() => {
    let stale = false;
    void (async () => {
      try {
        const me = await hazardApi.me();
        if (stale) return;
        setRole(me.user?.role ?? 'public');
        if (!me.user) return setNeedsLogin(true);
        setNeedsLogin(false);
        const [v, h, s] = await Promise.all([hazardApi.vocabulary(), hazardApi.list(openOnly), hazardApi.statistics(by)]);
        if (stale) return;
        setVocabulary(v);
        setHazards(h);
        setStats(s);
      } catch (e) {
        if ((e as ApiError).status === 401) setNeedsLogin(true);
      }
    })();
    return () => {
      stale = true;
    };
  }, [by, openOnly, revision]);

  const live = useLiveChanges((changed) => {
    if (changed === 'all' || changed.has('hidden-hazards')) reload();
  }, !needsLogin);

  return { vocabulary, hazards, stats, role, needsLogin, live, revision, reload };
}
