import * as React from 'react';

/**
 * The dashboard's banners (meetings due, files to classify, integrity and configuration warnings) load after
 * the Overzicht has shown what it first shows, not before: their code and their extra reads are not needed for the
 * first render, and most of the time they have nothing to show. The Overzicht reports when its first content (or its
 * error) is on screen; the dashboard then mounts the banners.
 */
const FirstPaintContext = React.createContext<(() => void) | undefined>(undefined);

/** Provides the dashboard's "first content is on screen" callback. */
export const FirstPaintProvider = FirstPaintContext.Provider;

/** Reports the first paint once `done` is true (no-op outside the dashboard). */
export function useReportFirstPaint(done: boolean): void {
  const report = React.useContext(FirstPaintContext);
  React.useEffect(() => {
    if (done) report?.();
  }, [done, report]);
}
