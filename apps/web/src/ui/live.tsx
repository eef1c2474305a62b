import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { AnnouncedRevisions, type ShownRecord } from '../api/announced-revisions';
import { EventStreamParser, changeOf, reconnectDelayMs, type LiveChange } from '../api/live-feed';
import type { Loaded } from './use-load';

type Listener = (change: LiveChange) => void;

interface Live {
  readonly connected: boolean;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<Live>({ connected: false, subscribe: () => () => undefined });

/**
 * One connection to GET /live for the whole app, resumed after a drop with the last position
 * seen (Last-Event-ID), so no change between the drop and the reconnect is missed.
 */
export function LiveProvider({ token, children }: { readonly token: string; readonly children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const stop = new AbortController();
    let lastEventId: string | undefined;
    let failures = 0;
    const follow = async (): Promise<void> => {
      while (!stop.signal.aborted) {
        try {
          const response = await fetch('/live', {
            headers: {
              Authorization: `Bearer ${token}`,
              Accept: 'text/event-stream',
              ...(lastEventId !== undefined ? { 'Last-Event-ID': lastEventId } : {}),
            },
            signal: stop.signal,
          });
          // A refused token ends the feed; the screens' own requests sign the user out.
          if (response.status === 401 || response.status === 403) return;
          if (!response.ok || !response.body) throw new Error(`live feed answered ${response.status}`);
          setConnected(true);
          failures = 0;
          const parser = new EventStreamParser();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            for (const event of parser.push(value)) {
              const change = changeOf(event);
              if (event.id !== undefined) lastEventId = event.id;
              if (change) for (const listener of listeners.current) listener(change);
            }
          }
        } catch {
          if (stop.signal.aborted) return;
        }
        setConnected(false);
        await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(failures++)));
      }
    };
    void follow();
    return () => stop.abort();
  }, [token]);
  const live = useRef<Live>({ connected: false, subscribe: () => () => undefined });
  live.current = {
    connected,
    subscribe(listener) {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  };
  return <LiveContext.Provider value={live.current}>{children}</LiveContext.Provider>;
}

export function useLiveConnected(): boolean {
  return useContext(LiveContext).connected;
}

/** The read models trail the events by a moment: a refresh right after a change, and one more after this. */
const SETTLE_MS = 800;

/**
 * Calls `refresh` when a matching change arrives (a burst within 150 ms refreshes once), and once
 * more a moment later for records the first read could not show yet (a lead just captured).
 */
export function useLiveRefresh(
  matches: (change: LiveChange) => boolean,
  refresh: () => void,
  heard?: (change: LiveChange) => void,
): void {
  const live = useContext(LiveContext);
  const latest = useRef({ matches, refresh, heard });
  latest.current = { matches, refresh, heard };
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    let pending = false;
    const later = (ms: number, run: () => void): void => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
    };
    const unsubscribe = live.subscribe((change) => {
      if (!latest.current.matches(change)) return;
      latest.current.heard?.(change);
      if (pending) return;
      pending = true;
      later(150, () => {
        pending = false;
        latest.current.refresh();
      });
      later(SETTLE_MS, () => latest.current.refresh());
    });
    return () => {
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [live]);
}

/**
 * Live refresh for a screen showing records with revisions: it re-reads while what it shows is
 * older than a change the feed announced for it, so a claimed lead leaves another rep's pool even
 * when the first re-read reached the read model before the claim did.
 */
export function useLiveRecords<T>(
  loaded: Loaded<T>,
  shown: (data: T) => readonly ShownRecord[],
  matches: (change: LiveChange) => boolean,
): void {
  const announced = useRef(new AnnouncedRevisions());
  useLiveRefresh(matches, loaded.reload, (change) => announced.current.note(change, Date.now()));
  const { data, reload } = loaded;
  const show = useRef(shown);
  show.current = shown;
  useEffect(() => {
    if (data === undefined || !announced.current.behind(show.current(data), Date.now())) return;
    const timer = setTimeout(reload, 250);
    return () => clearTimeout(timer);
  }, [data, reload]);
}
