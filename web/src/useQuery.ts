import { useCallback, useEffect, useState } from 'react';
import { request, HubRequestError, type HubError } from './api';
import type { TypedDocumentString } from './generated/graphql';

export interface QueryState<T> {
  readonly data: T | null;
  readonly error: HubError | null;
  readonly loading: boolean;
  reload(): void;
}

/** Run a query (a typed document from `graphql()`) when `key` changes; `reload()` runs it again (after a mutation). */
export function useQuery<T, V>(query: TypedDocumentString<T, V>, variables: V, key: string): QueryState<T> {
  const [state, setState] = useState<{ data: T | null; error: HubError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    request(query, variables)
      .then((r) => live && setState({ data: r.data, error: null, loading: false }))
      .catch((err: unknown) => {
        if (!live) return;
        const error = err instanceof HubRequestError ? err.errors[0] : { message: String(err) };
        setState({ data: null, error, loading: false });
      });
    return () => {
      live = false;
    };
    // `key` stands for query + variables (a new object each render).
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
