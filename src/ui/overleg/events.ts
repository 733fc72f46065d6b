/** "The plan changed" between the Overleg tab and the dashboard banner (same page, no shared state otherwise). */
type Listener = () => void;
const listeners = new Set<Listener>();

/** Tells every listener that a meeting was planned or recorded. */
export function notifyPlanChanged(): void {
  listeners.forEach((l) => l());
}

/** Subscribes; returns the unsubscribe function (for a React effect's cleanup). */
export function onPlanChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
