import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import * as React from 'react';
import { Failure } from '../common/Failure';
import { useAsync } from '../common/useAsync';
import { useServices, useStrings } from '../services';
import { FilePicker } from './FilePicker';
import { UploadDialog } from './UploadDialog';
import { useUploadStyles } from './useUploadStyles';

/**
 * The "Delen" tab (also what the command set's "Delen met toets" opens): pick or drop files, then the upload dialog.
 * Only members of a party of the agreement can share (art. 10.1).
 */
export function SharePanel(): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const services = useServices();
  const user = useAsync(() => services.site.currentUser(), [services]);
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
  if (user.status === 'loading') return <Spinner label={t.loading} />;
  if (user.status === 'error') return <Failure error={user.error} onRetry={user.reload} />;
  if (!user.value.party)
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t.uploadNoParty}</MessageBarBody>
      </MessageBar>
    );
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
      {picked && (
        <UploadDialog
          key={round}
          files={picked}
          user={user.value}
          onClose={() => {
            returnFocus.current = true;
            setPicked(null);
          }}
        />
      )}
    </div>
  );
}

/** Default export for `React.lazy`. */
export default SharePanel;
