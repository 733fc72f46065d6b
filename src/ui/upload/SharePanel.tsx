import { Text } from '@fluentui/react-components';
import * as React from 'react';
import type { SiteUser } from '../../ports';
import { Failure } from '../common/LazyFailure';
import { Busy } from '../common/Busy';
import { useAsync } from '../common/useAsync';
import { useServices, useStrings } from '../services';
import { FilePicker } from './FilePicker';
import { useUploadStyles } from './useUploadStyles';

type UploadDialogModule = typeof import('./UploadDialog');
let dialogModule: Promise<UploadDialogModule> | undefined;

/**
 * The upload dialog's code (the scanner, the questions, the decision and the upload): it starts loading once the
 * picker is on screen, while the person chooses files, so the panel itself shows without it. A failed load is not
 * kept: the retry loads again.
 */
function loadUploadDialog(): Promise<UploadDialogModule> {
  if (!dialogModule) {
    const loading = import(/* webpackChunkName: 'upload-dialog' */ './UploadDialog');
    dialogModule = loading;
    loading.catch(() => {
      if (dialogModule === loading) dialogModule = undefined;
    });
  }
  return dialogModule;
}

const NoPartyNotice = React.lazy(() => import(/* webpackChunkName: 'failure' */ './NoPartyNotice'));

/**
 * The "Delen" tab (also what the command set's "Delen met toets" opens): pick or drop files, then the upload dialog.
 * Only members of a party of the agreement can share (art. 10.1).
 */
export function SharePanel(): React.ReactElement {
  const t = useStrings();
  const services = useServices();
  const user = useAsync(() => services.site.currentUser(), [services]);
  if (user.status === 'loading') return <Busy label={t.loading} />;
  if (user.status === 'error') return <Failure error={user.error} onRetry={user.reload} />;
  if (!user.value.party) {
    return (
      <React.Suspense fallback={null}>
        <NoPartyNotice />
      </React.Suspense>
    );
  }
  return <ShareArea user={user.value} />;
}

function ShareArea(props: { user: SiteUser }): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const dialog = useAsync(loadUploadDialog, []);
  const [picked, setPicked] = React.useState<File[] | null>(null);
  // A new key per pick remounts the dialog, so every upload starts with unanswered questions.
  const [round, setRound] = React.useState(0);
  // WCAG 2.4.3 (focus order): a closed dialog hands focus back to the control that opened it, not to the page's body.
  const pickButton = React.useRef<HTMLButtonElement>(null);
  const returnFocus = React.useRef(false);
  React.useEffect(() => {
    if (picked || !returnFocus.current) return;
    returnFocus.current = false;
    pickButton.current?.focus();
  }, [picked]);
  const close = (): void => {
    returnFocus.current = true;
    setPicked(null);
  };
  return (
    <div className={styles.panel} data-testid="share-panel">
      <Text as="p">{t.uploadIntro}</Text>
      <FilePicker
        buttonRef={pickButton}
        onFiles={(files) => {
          setRound((r) => r + 1);
          setPicked(files);
        }}
      />
      {picked && dialog.status === 'loading' && <Busy label={t.loading} />}
      {picked && dialog.status === 'error' && <Failure error={dialog.error} onRetry={dialog.reload} />}
      {picked && dialog.status === 'ok' && (
        <dialog.value.UploadDialog key={round} files={picked} user={props.user} onClose={close} />
      )}
    </div>
  );
}

/** Default export for `React.lazy`. */
export default SharePanel;
