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
import type { ToetsCommandKind } from '../commands';
import { useDialogStyles } from './useDialogStyles';

/** Props of {@link ToetsDialog}: plain data and callbacks only, never the SPFx context. */
export interface ToetsDialogProps {
  /** Which command was pressed. */
  kind: ToetsCommandKind;
  /** SharePoint UI culture, e.g. 'nl-NL'. */
  locale: string;
  /** Builds (or returns the already built) services; called again by the retry after a failure. */
  load: () => Promise<Services>;
  /** Called when the user closes the dialog. */
  onClose: () => void;
}

/** The command set's modal: the shared UI, opened on the command's tab, inside a Fluent v9 dialog. */
export function ToetsDialog(props: ToetsDialogProps): React.ReactElement {
  const { kind, locale, load, onClose } = props;
  const t = strings(locale);
  const styles = useDialogStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose()}>
        <DialogSurface className={styles.surface}>
          <DialogBody>
            <DialogTitle>{kind === 'delen' ? t.commandDelenMetToets : t.commandDatalekMelden}</DialogTitle>
            <DialogContent className={styles.content}>
              {/* The dashboard tab keyed like the command ('delen', 'datalek') opens first; until a flow registers that
                  tab, the dashboard's first tab shows (src/ui/dashboard/tabs.tsx). */}
              <AppLoader load={load} host={{ locale, theme: 'web', initialTab: kind }} />
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
