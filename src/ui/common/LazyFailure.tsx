import * as React from 'react';
import type { FailureProps } from './Failure';

const Loaded = React.lazy(() =>
  import(/* webpackChunkName: 'failure' */ './Failure').then((m) => ({ default: m.Failure })),
);

/**
 * {@link import('./Failure').Failure}, loaded when a failure is shown: the first render of a working
 * dashboard needs neither the message bar nor the button.
 */
export function Failure(props: FailureProps): React.ReactElement {
  return (
    <React.Suspense fallback={null}>
      <Loaded {...props} />
    </React.Suspense>
  );
}
