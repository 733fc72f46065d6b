import * as React from 'react';

/** State of a polled read-back. */
export type Polled<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; message: string };

/** How often an open pane re-reads the emulator, so a card or mail the product sends shows up without a click. */
export const POLL_MS = 2000;

/** Loads now and every {@link POLL_MS} while mounted; restarts when `key` changes (e.g. another mailbox). */
export function usePolling<T>(load: () => Promise<T>, key: string): Polled<T> {
  const [state, setState] = React.useState<Polled<T>>({ status: 'loading' });
  React.useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    setState({ status: 'loading' });
    // Only a changed answer re-renders, so a rendered card does not flicker on every poll.
    const settle = (next: Polled<T>): void => {
      const text = JSON.stringify(next);
      if (alive && text !== last) {
        last = text;
        setState(next);
      }
    };
    const tick = (): void => {
      load().then(
        (value) => settle({ status: 'ok', value }),
        (e: unknown) => settle({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
      ).finally(() => {
        if (alive) timer = setTimeout(tick, POLL_MS);
      });
    };
    tick();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
