import * as React from 'react';

/** State of an asynchronous load: pending, done with a value, or failed with the thrown error. */
export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'ok'; value: T }
  | { status: 'error'; error: unknown };

/** Result of {@link useAsync}: the state plus a `reload` that runs the load again. */
export type AsyncResult<T> = AsyncState<T> & { reload: () => void };

/**
 * Runs `load` when the component mounts and whenever `deps` change; a result that arrives after unmount or after a
 * newer load started is dropped, so a slow old answer never overwrites a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: React.DependencyList): AsyncResult<T> {
  const [state, setState] = React.useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = React.useState(0);
  React.useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
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
  return { ...state, reload };
}
