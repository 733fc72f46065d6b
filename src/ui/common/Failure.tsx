import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as React from 'react';
import { formatConfigErrors } from '../../domain/agreement/errors';
import { ConfigLoadError } from '../../ports/config';
import { useStrings } from '../services';
import { describeFailure } from '../../domain/common/failure';
import { FailureText } from './ProblemText';

/** Props of {@link Failure}. */
export interface FailureProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * Shows why a load failed, as plain text: not signed in, no access (art. 10.1), an invalid agreement configuration
 * (each field named, with its article), or a sentence that says what to do, with the technical detail behind a toggle
 * (never the raw HTTP or OData message as the text). "Opnieuw proberen" only where trying again can help.
 */
export function Failure(props: FailureProps): React.ReactElement {
  const t = useStrings();
  const failure = describeFailure(props.error);
  const kind = failure.kind;
  if (props.error instanceof ConfigLoadError) {
    const lines = props.error.errors.length ? formatConfigErrors(props.error.errors, t.lang === 'en' ? 'en' : 'nl') : [props.error.message];
    return (
      <MessageBar intent="error" layout="multiline" data-failure="config">
        <MessageBarBody>
          <MessageBarTitle>{t.configInvalidTitle}</MessageBarTitle>
          <ul>
            {lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const [title, body, intent] =
    kind === 'denied'
      ? [t.noAccessTitle, t.noAccessBody, 'warning' as const]
      : kind === 'unauthenticated'
        ? [t.notSignedInTitle, t.notSignedInBody, 'warning' as const]
        : [t.errorTitle, <FailureText key="text" error={props.error} />, 'error' as const];
  return (
    <MessageBar intent={intent} layout="multiline" data-failure={kind}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
      {props.onRetry && kind !== 'denied' && kind !== 'unauthenticated' && failure.retryable && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{t.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
