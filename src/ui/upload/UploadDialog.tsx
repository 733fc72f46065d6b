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
  mergeClasses,
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
 * The one "Delen met toets" dialog: files with their scan, the questions, the decision per file with its articles, then
 * the upload with a progress bar per file. Nothing is sent before the person presses "Delen".
 *
 * Focus never falls out of the dialog when the button that had it is replaced (WCAG 2.4.3): after "Toetsen" it moves
 * to "Delen", or to the decisions when nothing can be shared; while and after sharing to the files with their results;
 * after "Antwoorden aanpassen" to the first question; after "Andere bestanden delen" to "Bestanden kiezen".
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

  const results = React.useRef<HTMLElement>(null);
  const shareButton = React.useRef<HTMLButtonElement>(null);
  const questions = React.useRef<HTMLDivElement>(null);
  const pickButton = React.useRef<HTMLButtonElement>(null);
  const previousPhase = React.useRef(phase);
  React.useEffect(() => {
    const before = previousPhase.current;
    previousPhase.current = phase;
    if (before === phase) return;
    if (phase === 'decided') (shareButton.current ?? results.current)?.focus();
    else if (phase === 'sharing') results.current?.focus();
    else if (phase === 'answering' && before === 'decided')
      questions.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
    else if (phase === 'answering' && before === 'finished') pickButton.current?.focus();
  }, [phase]);
  // Any other control that disappears while it has focus (a file's "Opnieuw proberen" once it worked, the last
  // "Weglaten"): focus goes to the files, so it stays in the dialog and Escape still reaches it.
  React.useEffect(() => {
    const active = results.current?.ownerDocument.activeElement;
    if (results.current && (!active || active === results.current.ownerDocument.body)) results.current.focus();
  });

  return (
    <Dialog
      open
      modalType="modal"
      // Escape, like "Sluiten", closes at every step but one: while files are being sent or a refusal is being written
      // to the Toetslog. Closing then would leave an upload half done and its outcome unseen (the file can be
      // incomplete, and the retry that repairs it lives in this dialog), so the dialog stays until that has ended.
      onOpenChange={(_, d) => !d.open && !busy && props.onClose()}
    >
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t.uploadDialogTitle}</DialogTitle>
          <DialogContent className={styles.content} data-testid="upload-dialog" data-phase={phase}>
            <section
              ref={results}
              tabIndex={-1}
              className={mergeClasses(styles.section, styles.focusTarget)}
              aria-label={t.uploadFiles}
              data-testid="upload-files"
            >
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
              {phase === 'answering' && <FilePicker onFiles={flow.addFiles} compact buttonRef={pickButton} />}
            </section>
            {phase === 'answering' && (
              <div ref={questions}>
                <QuestionForm draft={draft} onChange={flow.setDraft} disabled={busy} party={props.user.party} />
              </div>
            )}
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
                ref={shareButton}
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
