import * as React from 'react';
import * as ReactDom from 'react-dom';
import type { ToetsDialogProps } from './ToetsDialog';
import { ToetsDialog } from './ToetsDialog';

/** What {@link openToetsDialog} needs: the dialog's props without its close callback. */
export type OpenToetsDialogOptions = Omit<ToetsDialogProps, 'onClose'> & {
  /** Called once the dialog is gone (closed by the user or by the returned function). */
  onClosed?: () => void;
};

/**
 * Renders the command set dialog into its own div under `document.body` (the list view owns the rest of the page) and
 * returns a function that closes it. Closing unmounts React and removes the div, so nothing leaks between clicks.
 */
export function openToetsDialog(options: OpenToetsDialogOptions): () => void {
  const { onClosed, ...props } = options;
  const host = document.createElement('div');
  host.setAttribute('data-samenwerkingsruimte', 'toets-dialog');
  document.body.appendChild(host);
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    ReactDom.unmountComponentAtNode(host);
    host.remove();
    onClosed?.();
  };
  ReactDom.render(React.createElement(ToetsDialog, { ...props, onClose: close }), host);
  return close;
}
