import * as React from 'react';

/** State of an asynchronous load: pending, done with a value, or failed with the thrown error. */
export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'ok'; value: T }
  | { status: 'error'; error: unknown };

/**
 * Result of {@link useAsync}: the state plus `reload`, which runs the load again from 'loading', and `refresh`, which
 * runs it again while what was loaded stays on screen (after a save: the form, its message and the focus on it stay).
 */
export type AsyncResult<T> = AsyncState<T> & { reload: () => void; refresh: () => void };

/**
 * Runs `load` when the component mounts and whenever `deps` change; a result that arrives after unmount or after a
 * newer load started is dropped, so a slow old answer never overwrites a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: React.DependencyList): AsyncResult<T> {
  const [state, setState] = React.useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = React.useState(0);
  const keep = React.useRef(false);
  const lastDeps = React.useRef<React.DependencyList>();
  React.useEffect(() => {
    let current = true;
    // what is on screen stays only for a refresh of the same load: new deps are another load (another record)
    const before = lastDeps.current;
    const same = before !== undefined && before.length === deps.length && deps.every((d, i) => Object.is(d, before[i]));
    if (!(keep.current && same)) setState({ status: 'loading' });
    keep.current = false;
    lastDeps.current = deps;
    load().then(
      (value) => current && setState({ status: 'ok', value }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = React.useCallback(() => setGeneration((g) => g + 1), []);
  const refresh = React.useCallback(() => {
    keep.current = true;
    setGeneration((g) => g + 1);
  }, []);
  return { ...state, reload, refresh };
}
