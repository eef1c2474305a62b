import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../api/client';
import type { ApiProblem } from '../api/problem';

export interface Loaded<T> {
  /** The last data that arrived; kept while a reload runs so the screen does not flash empty. */
  readonly data: T | undefined;
  readonly problem: ApiProblem | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Runs `load` when `key` changes and whenever `reload` is called; an answer to an older key that
 * arrives late is dropped, so quick filter changes never show the list of an earlier filter.
 */
export function useLoad<T>(load: () => Promise<Result<T>>, key: string): Loaded<T> {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    void loader.current().then((result) => {
      if (ticket !== latest.current) return;
      setLoading(false);
      if (result.ok) {
        setData(result.data);
        setProblem(undefined);
      } else setProblem(result.problem);
    });
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, problem, loading, reload };
}
