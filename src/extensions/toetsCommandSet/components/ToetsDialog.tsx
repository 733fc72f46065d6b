import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  webLightTheme,
} from '@fluentui/react-components';
import * as React from 'react';
import { strings } from '../../../loc';
import type { Services } from '../../../ports';
import { App } from '../../../ui/App';
import type { ToetsCommandKind } from '../commands';
import { useDialogStyles } from './useDialogStyles';

/** Props of {@link ToetsDialog}: plain data and callbacks only, never the SPFx context. */
export interface ToetsDialogProps {
  /** Which command was pressed. */
  kind: ToetsCommandKind;
  /** SharePoint UI culture, e.g. 'nl-NL'. */
  locale: string;
  /** The adapters, still being built on the first click. */
  services: Promise<Services>;
  /** Called after the user closed the dialog. */
  onClose: () => void;
}

type Loaded = { state: 'loading' } | { state: 'ready'; services: Services } | { state: 'failed'; message: string };

/** The command set's modal: the shared UI, opened on the command's flow, inside a Fluent v9 dialog. */
export function ToetsDialog(props: ToetsDialogProps): React.ReactElement {
  const { kind, locale, services, onClose } = props;
  const t = strings(locale);
  const styles = useDialogStyles();
  const [loaded, setLoaded] = React.useState<Loaded>({ state: 'loading' });
  React.useEffect(() => {
    let live = true;
    void services.then(
      (s) => live && setLoaded({ state: 'ready', services: s }),
      (e: unknown) => live && setLoaded({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [services]);

  const title = kind === 'delen' ? t.commandDelenMetToets : t.commandDatalekMelden;
  return (
    <FluentProvider theme={webLightTheme}>
      <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose()}>
        <DialogSurface className={styles.surface}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {loaded.state === 'loading' && <Spinner label={t.loading} />}
              {loaded.state === 'failed' && (
                <MessageBar intent="error">
                  <MessageBarBody>
                    <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
                    {loaded.message}
                  </MessageBarBody>
                </MessageBar>
              )}
              {loaded.state === 'ready' && (
                // The dashboard tab keyed like the command ('delen', 'datalek') opens first; until a flow registers
                // that tab, the dashboard's first tab shows (src/ui/dashboard/tabs.tsx).
                <App services={loaded.services} host={{ locale, theme: 'web', initialTab: kind }} />
              )}
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
