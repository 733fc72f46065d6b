/**
 * Focus follows what an action brings (WCAG 2.4.3 focus order, 3.3.1 error identification, 4.1.3 status messages):
 * after a refused save the error summary, after a stored one the message that says so. Never the page's body, and
 * never left on a button whose answer appeared elsewhere or that is gone. The product has no live region, so a message
 * a screen reader should read is one that takes focus.
 */
import { createCustomFocusIndicatorStyle, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';

/** A message or title focus is moved to: its focus shows like a control's (WCAG 2.4.7), keyboard only. */
export const useFocusTargetStyles = makeStyles({
  focusTarget: createCustomFocusIndicatorStyle({
    outlineWidth: tokens.strokeWidthThick,
    outlineStyle: 'solid',
    outlineColor: tokens.colorStrokeFocus2,
    outlineOffset: '2px',
  }),
});

/** What {@link useFocusAfter} hands out. */
export interface FocusAfter<K extends string> {
  /** The ref for the element named `key`; give it `tabIndex={-1}` when it is no control. */
  target(key: K): (element: HTMLElement | null) => void;
  /** Focus the element named `key` once it is rendered (after the state change that shows it). */
  focusNext(key: K): void;
}

/**
 * Named focus targets for one component: `focusNext('errors')` beside the state change that shows the errors, and the
 * element with `ref={target('errors')}` takes focus after that render.
 */
export function useFocusAfter<K extends string>(): FocusAfter<K> {
  const elements = React.useRef(new Map<K, HTMLElement>());
  const pending = React.useRef<K>();
  const refs = React.useRef(new Map<K, (element: HTMLElement | null) => void>());
  // a request always brings a render, so it is served even when the state change beside it changes nothing (the same
  // refusal twice): a request left waiting would otherwise take focus at some later, unrelated render
  const [, setRequests] = React.useState(0);
  React.useEffect(() => {
    const key = pending.current;
    const element = key === undefined ? undefined : elements.current.get(key);
    if (!element) return;
    pending.current = undefined;
    element.focus();
  });
  return React.useMemo(
    () => ({
      target(key: K) {
        let ref = refs.current.get(key);
        if (!ref) {
          ref = (element) => {
            if (element) elements.current.set(key, element);
            else elements.current.delete(key);
          };
          refs.current.set(key, ref);
        }
        return ref;
      },
      focusNext(key: K) {
        pending.current = key;
        setRequests((n) => n + 1);
      },
    }),
    [],
  );
}

/**
 * Focus back to the control that opened a dialog once it closes (WCAG 2.4.3). Fluent's Dialog restores focus only to
 * a DialogTrigger; dialogs opened from a table row's button or from state need this. Call the returned function with
 * the opener when opening; `open` is whether the dialog is shown. A control that is gone by then is left alone, and
 * focus another effect moved on after the close (a saved record's message) wins, since that effect runs later.
 */
export function useReturnFocus(open: boolean): (opener: Element | null) => void {
  const opener = React.useRef<HTMLElement | null>(null);
  React.useEffect(() => {
    if (open || !opener.current) return;
    const control = opener.current;
    opener.current = null;
    if (control.isConnected) control.focus();
  }, [open]);
  return React.useCallback((element: Element | null) => {
    opener.current = element instanceof HTMLElement ? element : null;
  }, []);
}
