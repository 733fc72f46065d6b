import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from '@fluentui/react-components';
import * as React from 'react';
import type { SiteUser } from '../../ports';
import { Failure } from '../common/Failure';
import { useServices, useStrings } from '../services';
import { missingFields } from './draft';
import { FilePicker } from './FilePicker';
import { FileRow } from './FileRow';
import { format } from './format';
import { QuestionForm } from './QuestionForm';
import { useUploadFlow } from './useUploadFlow';
import type { ReadableFile } from '../../upload';
import { useUploadStyles } from './useUploadStyles';

/** Props of {@link UploadDialog}. */
export interface UploadDialogProps {
  /** The files picked or dropped before the dialog opened. */
  files: ReadableFile[];
  user: SiteUser;
  onClose: () => void;
}

/**
 * The one "Delen met toets" dialog (issue 4): files with their scan, the questions, the decision per file with its
 * articles, then the upload with a progress bar per file. Nothing is sent before the person presses "Delen".
 */
export function UploadDialog(props: UploadDialogProps): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const services = useServices();
  const flow = useUploadFlow(services, props.user, props.files);
  const { entries, draft, phase } = flow;
  const valid = entries.filter((e) => e.problems.length === 0);
  const scanning = entries.some((e) => e.scanning);
  const missing = missingFields(services.config, draft, props.user.party);
  const toShare = valid.filter((e) => e.decision && e.decision.outcome !== 'refused' && !e.result);
  const busy = phase === 'sharing' || entries.some((e) => e.busy);
  const canCheck = phase === 'answering' && valid.length > 0 && !scanning && missing.length === 0 && !busy;
  const finished = phase === 'finished';
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !busy && props.onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t.uploadDialogTitle}</DialogTitle>
          <DialogContent className={styles.content} data-testid="upload-dialog" data-phase={phase}>
            <section className={styles.section} aria-label={t.uploadFiles}>
              <Subtitle2 as="h3">{t.uploadFiles}</Subtitle2>
              <ul className={styles.files}>
                {entries.map((e) => (
                  <FileRow
                    key={e.key}
                    entry={e}
                    editable={phase === 'answering'}
                    onRemove={() => flow.remove(e.key)}
                    onRetry={() => flow.retry(e.key).catch(flow.fail)}
                    onCancelScan={() => flow.cancelScan(e.key)}
                  />
                ))}
              </ul>
              {phase === 'answering' && <FilePicker onFiles={flow.addFiles} compact />}
            </section>
            {phase === 'answering' && <QuestionForm draft={draft} onChange={flow.setDraft} disabled={busy} party={props.user.party} />}
            {flow.error !== undefined && <Failure error={flow.error} />}
            {phase === 'answering' && (missing.length > 0 || scanning) && valid.length > 0 && (
              <MessageBar intent="info" data-testid="missing">
                <MessageBarBody>
                  {scanning
                    ? t.uploadWaitScan
                    : format(t.uploadMissing, { fields: missing.map((k) => t[k]).join('; ') })}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            {phase === 'answering' && (
              <Button
                appearance="primary"
                disabled={!canCheck}
                onClick={() => flow.check().catch(flow.fail)}
                data-testid="check"
              >
                {t.uploadCheck}
              </Button>
            )}
            {phase === 'decided' && toShare.length > 0 && (
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => flow.share().catch(flow.fail)}
                data-testid="share"
              >
                {format(t.uploadShare, { count: toShare.length })}
              </Button>
            )}
            {phase === 'decided' && (
              <Button disabled={busy} onClick={() => flow.setDraft({})} data-testid="change">
                {t.uploadChange}
              </Button>
            )}
            {finished && (
              <Button onClick={flow.reset} data-testid="again">
                {t.uploadAgain}
              </Button>
            )}
            <Button appearance="secondary" disabled={busy} onClick={props.onClose} data-testid="close">
              {t.dialogClose}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
