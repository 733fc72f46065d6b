import { FluentProvider, PortalMountNodeProvider, Title3, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import type { Services } from '../../../ports';
import { PlainButton } from '../../../ui/common/PlainButton';
import { CommandLoader } from '../../../ui/CommandLoader';
import { StringsProvider, useStrings } from '../../../ui/services';
import type { HostCommand } from '../../../ui/command';
import { useDialogStyles } from './useDialogStyles';

/** Props of {@link ToetsDialog}: plain data and callbacks only, never the SPFx context. */
export interface ToetsDialogProps {
  /** Which command was pressed, with the selected documents for "Datalek melden" (plain data). */
  command: HostCommand;
  /** SharePoint UI culture, e.g. 'nl-NL'. */
  locale: string;
  /** Builds (or returns the already built) services; called again by the retry after a failure. */
  load: () => Promise<Services>;
  /** Called when the user closes the dialog. */
  onClose: () => void;
}

/**
 * The command set's modal: the shared UI's panel for the command (the share panel, the datalek form). A native
 * `<dialog>` shown with `showModal()`: the browser makes the rest of the page inert, keeps focus inside,
 * closes on Escape and returns focus to the command, without Fluent's Dialog and its focus-trap library on the first
 * click. Styled with Fluent's tokens. Fluent's own popups (the upload dialog, dropdowns) mount inside it, in the
 * modal's top layer, instead of under the inert page.
 */
export function ToetsDialog(props: ToetsDialogProps): React.ReactElement {
  // The strings of SharePoint's language only, loaded with the dialog: the other language is never fetched.
  return (
    <FluentProvider theme={webLightTheme}>
      <StringsProvider locale={props.locale}>
        <ToetsDialogSurface {...props} />
      </StringsProvider>
    </FluentProvider>
  );
}

function ToetsDialogSurface(props: ToetsDialogProps): React.ReactElement {
  const { command, locale, load, onClose } = props;
  const t = useStrings();
  const styles = useDialogStyles();
  const ref = React.useRef<HTMLDialogElement>(null);
  const [mountNode, setMountNode] = React.useState<HTMLDivElement | null>(null);
  const title = command.kind === 'delen' ? t.commandDelenMetToets : t.commandDatalekMelden;
  React.useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    // Escape: the browser's cancel event; the dialog closes through the host (which unmounts it).
    const cancel = (e: Event): void => {
      e.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, [onClose]);
  return (
    <dialog
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby="toets-dialog-title"
        className={styles.surface}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <Title3 as="h2" id="toets-dialog-title" className={styles.title}>
          {title}
        </Title3>
        <div className={styles.content}>
          {/* The shared UI opens the panel keyed like the command ('delen': share new files; 'datalek': the breach
              form pre-filled from the selected documents). */}
          {mountNode && (
            <PortalMountNodeProvider value={mountNode}>
              <CommandLoader load={load} command={command} host={{ locale, theme: 'web' }} />
            </PortalMountNodeProvider>
          )}
        </div>
        <div className={styles.actions}>
          <PlainButton appearance="secondary" onClick={onClose}>
            {t.dialogClose}
          </PlainButton>
        </div>
        <div ref={setMountNode} />
      </dialog>
  );
}
