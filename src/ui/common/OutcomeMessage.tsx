import { MessageBar, MessageBarBody, mergeClasses, type MessageBarProps } from '@fluentui/react-components';
import * as React from 'react';
import { useFocusTargetStyles } from './focusAfter';

/** Props of {@link OutcomeMessage}. */
export interface OutcomeMessageProps extends Pick<MessageBarProps, 'intent' | 'className'> {
  /** The ref from `useFocusAfter().target(…)`, so the message takes focus when it appears. */
  target: (element: HTMLElement | null) => void;
  /** 'alert' for a refusal or failure, 'status' for what was done (WCAG 4.1.3). */
  role: 'alert' | 'status';
  'data-testid'?: string;
  /** What the message reports, for tests and styles (e.g. a decision's outcome). */
  'data-outcome'?: string;
  children: React.ReactNode;
}

/**
 * The message an action brings (a refusal, a failure, "saved"): it takes focus when it appears, so a keyboard user is
 * on it and a screen reader reads it (src/ui/common/focusAfter.ts), and that focus shows.
 */
export function OutcomeMessage(props: OutcomeMessageProps): React.ReactElement {
  const styles = useFocusTargetStyles();
  return (
    <MessageBar
      ref={props.target}
      tabIndex={-1}
      role={props.role}
      className={mergeClasses(styles.focusTarget, props.className)}
      intent={props.intent}
      layout="multiline"
      data-testid={props['data-testid']}
      data-outcome={props['data-outcome']}
    >
      <MessageBarBody>{props.children}</MessageBarBody>
    </MessageBar>
  );
}
