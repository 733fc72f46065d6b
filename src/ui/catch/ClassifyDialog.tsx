import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Text,
} from '@fluentui/react-components';
import * as React from 'react';
import { summariseFindings, type ScanResult } from '../../domain/scan';
import type { ExchangeDocument, SiteUser } from '../../ports';
import { classifyExisting, type ClassifyResult } from '../../review';
import { randomToetsId, scanPicked } from '../../upload';
import { useFocusAfter } from '../common/focusAfter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { FailureText } from '../common/ProblemText';
import { formatDate } from '../overview/formatDate';
import { useReviewStyles } from '../review/useReviewStyles';
import { useServices, useStrings } from '../services';
import { EMPTY_DRAFT, formOf, missingFields, type Draft } from '../upload/draft';
import { describeFindings, format } from '../upload/format';
import { QuestionForm } from '../upload/QuestionForm';
import { contentHash } from '../../domain/common/hash';

/** Props of {@link ClassifyDialog}. */
export interface ClassifyDialogProps {
  items: ExchangeDocument[];
  user: SiteUser;
  /** Closes the dialog; `changed` when a file was classified (the banner counts again). */
  onClose: (changed: boolean) => void;
}

/** The scan of one library file: its bytes read back and scanned in the browser like a picked file (seed 004). */
type ScanState =
  | { status: 'scanning' }
  | { status: 'ok'; scan: ScanResult; hash?: string }
  | { status: 'error'; error: unknown };

/**
 * Classifies files that are already in the library (native upload, drag into the library): the Delen dialog's questions
 * (the same QuestionForm), the scan of the file's bytes, the same doelbinding check, then the Toetslog record and the
 * metadata, which moves the file to the folder its outcome demands.
 */
export function ClassifyDialog(props: ClassifyDialogProps): React.ReactElement {
  const t = useStrings();
  const styles = useReviewStyles();
  const services = useServices();
  const [selectedId, setSelectedId] = React.useState<number>(props.items[0]?.id ?? 0);
  const [draft, setDraft] = React.useState<Draft>(EMPTY_DRAFT);
  const [scan, setScan] = React.useState<ScanState>({ status: 'scanning' });
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const [results, setResults] = React.useState<Record<number, ClassifyResult>>({});
  // A retry with the same answers reuses the ToetsId, so the Toetslog keeps the decision once (append is idempotent).
  const toetsIds = React.useRef(new Map<number, { id: string; form: string }>());
  const focus = useFocusAfter<'done' | 'error'>();
  const doc = props.items.find((d) => d.id === selectedId);
  React.useEffect(() => {
    if (!doc) return;
    let current = true;
    setScan({ status: 'scanning' });
    services.documents
      .download(doc.id)
      .then(async (buffer) => ({
        picked: await scanPicked(services.config, { name: doc.name, size: buffer.byteLength, arrayBuffer: async () => buffer }),
        hash: await contentHash(buffer),
      }))
      .then(
        (r) => current && setScan({ status: 'ok', scan: r.picked.scan, ...(r.hash ? { hash: r.hash } : {}) }),
        (e: unknown) => current && setScan({ status: 'error', error: e }),
      );
    return () => {
      current = false;
    };
  }, [doc, services]);
  const missing = missingFields(services.config, draft, props.user.party);
  const result = doc ? results[doc.id] : undefined;
  const save = (): void => {
    if (!doc || scan.status !== 'ok') return;
    setBusy(true);
    setError(undefined);
    const form = formOf(services.config, draft, props.user.party);
    const key = JSON.stringify(form);
    const previous = toetsIds.current.get(doc.id);
    const toetsId = previous && previous.form === key ? previous.id : randomToetsId();
    toetsIds.current.set(doc.id, { id: toetsId, form: key });
    classifyExisting(
      { config: services.config, documents: services.documents, audit: services.audit, user: props.user, newId: () => toetsId },
      doc,
      form,
      scan.scan,
      scan.hash,
    ).then(
      (r) => {
        // the questions and the button are gone: focus on what the check decided
        focus.focusNext('done');
        setResults((all) => ({ ...all, [doc.id]: r }));
        setBusy(false);
      },
      (e: unknown) => {
        focus.focusNext('error');
        setError(e);
        setBusy(false);
      },
    );
  };
  const findings = scan.status === 'ok' ? summariseFindings(scan.scan) : [];
  const changed = Object.keys(results).length > 0;
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !busy && props.onClose(changed)}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t.catchDialogTitle}</DialogTitle>
          <DialogContent className={styles.content} data-testid="classify-dialog">
            <Field label={t.catchPick}>
              <Select
                value={String(selectedId)}
                disabled={busy}
                data-testid="classify-file"
                onChange={(_, d) => {
                  setSelectedId(Number(d.value));
                  setDraft(EMPTY_DRAFT);
                  setError(undefined);
                }}
              >
                {props.items.map((d) => (
                  <option key={d.id} value={d.id}>
                    {`${d.name} — ${format(t.catchUploadedBy, { name: d.author?.displayName ?? '—', date: formatDate(d.created) })}`}
                  </option>
                ))}
              </Select>
            </Field>
            <Text data-testid="classify-scan">
              {scan.status === 'scanning'
                ? t.catchScanning
                : scan.status === 'error'
                  ? <FailureText error={scan.error} />
                  : format(t.catchScan, { findings: findings.length ? describeFindings(findings, t) : t.catchNothingFound })}
            </Text>
            {result ? (
              <OutcomeMessage
                target={focus.target('done')}
                role="status"
                intent={result.decision.outcome === 'refused' ? 'warning' : 'success'}
                data-testid="classify-done"
                data-outcome={result.decision.outcome}
              >
                {t[`catchDone_${result.decision.outcome}`]}
                <ul className={styles.reasons}>
                  {result.decision.reasons.map((r, i) => (
                    <li key={i}>
                      <strong>{r.source}</strong> {t.lang === 'en' ? r.en : r.nl}
                    </li>
                  ))}
                </ul>
              </OutcomeMessage>
            ) : (
              <QuestionForm
                draft={draft}
                onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
                disabled={busy}
                party={props.user.party}
              />
            )}
            {error !== undefined && (
              <OutcomeMessage target={focus.target('error')} role="alert" intent="error" data-testid="classify-error">
                <FailureText error={error} />
              </OutcomeMessage>
            )}
          </DialogContent>
          <DialogActions>
            {!result && (
              <Button
                appearance="primary"
                disabled={busy || scan.status !== 'ok' || missing.length > 0}
                onClick={save}
                data-testid="classify-save"
              >
                {t.catchSave}
              </Button>
            )}
            <Button disabled={busy} onClick={() => props.onClose(changed)} data-testid="classify-close">
              {t.catchClose}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
