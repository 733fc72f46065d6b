/**
 * Substitute for `@msinternal/sp-idle-web-task` 0.1.2 (id c49ba483-7614-4c5c-b9dd-11b45a5fa280), which
 * sp-webpart-base 1.23.2 imports for its idle-time prefetching of web part dependencies (IdleLoadComponentFactory)
 * and only SharePoint's CDN serves. The same contract on the browser's own scheduler: tasks run in
 * `requestIdleCallback`, highest priority first; a prefetch queue calls each dependency's `prefetch()` once.
 */

/** Priorities of an idle task (only the order matters here). */
export enum IdleTaskPriority {
  REQUIRED = 0,
  OPTIONAL_HIGH = 1,
  OPTIONAL = 2,
  OPTIONAL_LOW = 3,
}

/** Priorities of a prefetched dependency. */
export enum PrefetchDependencyPriority {
  high = 0,
  low = 1,
}

/** One task for {@link IdleTaskQueue}. */
export interface IdleTask {
  id: string;
  priority?: IdleTaskPriority;
  optOutOfAnimationFrames?: boolean;
  task: () => void;
}

type IdleCallback = (cb: () => void) => number;
const whenIdle: IdleCallback =
  typeof (window as unknown as { requestIdleCallback?: IdleCallback }).requestIdleCallback === 'function'
    ? (cb) => (window as unknown as { requestIdleCallback: IdleCallback }).requestIdleCallback(cb)
    : (cb) => window.setTimeout(cb, 1);

/** The page's queue of work for idle time. */
export class IdleTaskQueue {
  public static readonly instance = new IdleTaskQueue();
  private readonly tasks: IdleTask[] = [];
  private scheduled = false;

  public enqueueTask(task: IdleTask): void {
    this.tasks.push(task);
    this.tasks.sort((a, b) => (a.priority ?? IdleTaskPriority.OPTIONAL) - (b.priority ?? IdleTaskPriority.OPTIONAL));
    this.schedule();
  }

  public removeTask(id: string): void {
    const i = this.tasks.findIndex((t) => t.id === id);
    if (i >= 0) this.tasks.splice(i, 1);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    whenIdle(() => {
      this.scheduled = false;
      const next = this.tasks.shift();
      if (next) {
        try {
          next.task();
        } catch (e) {
          // eslint-disable-next-line no-console
          console.error(`[spfx-host] idle task ${next.id} failed`, e);
        }
      }
      if (this.tasks.length) this.schedule();
    });
  }
}

/** One dependency a queue prefetches. */
export interface PrefetchDependency {
  urlOrChunkName: string;
  priority: PrefetchDependencyPriority;
  prefetch: () => Promise<unknown>;
}

const requested = new Set<string>();

/** A queue that prefetches `dependencies` (by priority), each once per page. */
export function createPrefetchDependencyQueue(
  id: string,
  dependencies: Record<string, PrefetchDependency>,
): { prefetchByPriority(): void; prefetchByPriorityWhenIdle(): void; cancelPrefetching(): void } {
  let cancelled = false;
  const ordered = Object.values(dependencies).sort((a, b) => a.priority - b.priority);
  const run = (d: PrefetchDependency): void => {
    if (cancelled || requested.has(d.urlOrChunkName)) return;
    requested.add(d.urlOrChunkName);
    d.prefetch().catch((e: unknown) => {
      // eslint-disable-next-line no-console
      console.error(`[spfx-host] prefetch ${d.urlOrChunkName} for ${id} failed`, e);
    });
  };
  return {
    prefetchByPriority: () => ordered.forEach(run),
    prefetchByPriorityWhenIdle: () =>
      ordered.forEach((d, i) =>
        IdleTaskQueue.instance.enqueueTask({ id: `${id}-${i}`, priority: IdleTaskPriority.OPTIONAL, task: () => run(d) }),
      ),
    cancelPrefetching: () => {
      cancelled = true;
    },
  };
}
