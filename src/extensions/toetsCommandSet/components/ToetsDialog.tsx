import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  webLightTheme,
} from '@fluentui/react-components';
import * as React from 'react';
import { strings } from '../../../loc';
import type { Services } from '../../../ports';
import { AppLoader } from '../../../ui/AppLoader';
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

/** The command set's modal: the shared UI, opened on the command's tab, inside a Fluent v9 dialog. */
export function ToetsDialog(props: ToetsDialogProps): React.ReactElement {
  const { command, locale, load, onClose } = props;
  const t = strings(locale);
  const styles = useDialogStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose()}>
        <DialogSurface className={styles.surface}>
          <DialogBody>
            <DialogTitle>{command.kind === 'delen' ? t.commandDelenMetToets : t.commandDatalekMelden}</DialogTitle>
            <DialogContent className={styles.content}>
              {/* The shared UI opens the tab keyed like the command ('delen': share new files; 'datalek': the breach
                  form pre-filled from the selected documents). */}
              <AppLoader load={load} host={{ locale, theme: 'web', command }} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {t.dialogClose}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}
