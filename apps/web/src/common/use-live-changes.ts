/** React binding of the event-stream client: follow changes while mounted, and report liveness. */
import { useEffect, useRef, useState } from 'react';
import { followChanges, type LiveState } from './event-stream.js';

/**
 * Follow `/api/events` while `enabled`; `onChange` gets the layers that changed (or 'all'). A new `session`
 * (e.g. after signing in) opens the stream again: an anonymous stream hears only public changes.
 * @example const live = useLiveChanges((layers) => reload(layers)); <Header live={live} />
 */
export function useLiveChanges(onChange: (layers: Set<string> | 'all') => void, enabled = true, session = 0): LiveState {
  const [state, setState] = useState<LiveState>({ status: 'connecting', lastUpdateAt: null });
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (!enabled) return;
    return followChanges({ onChange: (layers) => handler.current(layers), onState: setState });
  }, [enabled, session]);
  return state;
}
