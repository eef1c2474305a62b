import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { EventStreamParser, changeOf, reconnectDelayMs, type LiveChange } from '../api/live-feed';

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

/** Calls `refresh` when a matching change arrives; a burst of changes within 150 ms refreshes once. */
export function useLiveRefresh(matches: (change: LiveChange) => boolean, refresh: () => void): void {
  const live = useContext(LiveContext);
  const latest = useRef({ matches, refresh });
  latest.current = { matches, refresh };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = live.subscribe((change) => {
      if (!latest.current.matches(change) || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        latest.current.refresh();
      }, 150);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [live]);
}
