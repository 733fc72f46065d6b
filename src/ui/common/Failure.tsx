import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as React from 'react';
import { formatConfigErrors } from '../../domain/agreement/errors';
import { ConfigLoadError } from '../../ports/config';
import { useStrings } from '../services';
import { errorMessage, failureKind } from './errors';

/** Props of {@link Failure}. */
export interface FailureProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * Shows why a load failed, as plain text: not signed in, no access (art. 10.1), an invalid agreement configuration
 * (each field named, with its article), or the error's own message.
 */
export function Failure(props: FailureProps): React.ReactElement {
  const t = useStrings();
  const kind = failureKind(props.error);
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
        : [t.errorTitle, errorMessage(props.error), 'error' as const];
  return (
    <MessageBar intent={intent} layout="multiline" data-failure={kind}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
      {props.onRetry && kind === 'other' && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{t.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
