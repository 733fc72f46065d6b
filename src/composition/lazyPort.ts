/**
 * A port whose adapter loads on its first call. Ports are method-only interfaces whose methods return
 * promises, so a stand-in can forward every method to the adapter once its chunk is loaded. The adapters the
 * dashboard's first render does not use (registers, logs, mail, channel, calendar …) are built this way, so their
 * code is not fetched before the first render.
 */
export function lazyPort<T extends object>(load: () => Promise<T>): T {
  let adapter: Promise<T> | undefined;
  const get = (): Promise<T> => {
    if (!adapter) {
      adapter = load();
      // A failed chunk load must not stick: the next call loads again.
      adapter.catch(() => {
        adapter = undefined;
      });
    }
    return adapter;
  };
  return new Proxy({} as T, {
    get(_target, prop) {
      // Not a promise itself (await, Promise.resolve): only methods are forwarded.
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      return (...args: unknown[]) =>
        get().then((impl) => {
          const method = (impl as Record<string, unknown>)[prop];
          if (typeof method !== 'function') throw new TypeError(`${String(prop)} is not a method of the adapter`);
          return (method as (...a: unknown[]) => unknown).apply(impl, args);
        });
    },
  });
}
