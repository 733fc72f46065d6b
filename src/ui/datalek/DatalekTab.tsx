import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import * as React from 'react';
import type { DeliveryResult } from '../../datalek';
import type { DatalekFieldError, DatalekPrefill, DatalekReport, PrefillNote } from '../../domain/datalek';
import { format } from '../../loc/text';
import type { ExchangeDocument, Services, UserProfile } from '../../ports';
import { useHostCommand } from '../command';
import { Failure } from '../common/Failure';
import { FailureText } from '../common/ProblemText';
import { useAsync } from '../common/useAsync';
import { useServices, useStrings } from '../services';
import { DatalekForm } from './DatalekForm';
import { DeliveryPanel } from './DeliveryPanel';
import { datalekFormErrorText } from './fieldLabels';
import {
  browserStorage,
  discardDraft,
  draftKey,
  loadDraft,
  prefill,
  saveDraft,
  TEXT_FIELDS,
  toPrefillDocument,
  toReportInput,
  valuesFromPrefill,
  withDocuments,
  type DatalekFormValues,
} from './formValues';
import { outboxFor } from './outboxFor';
import { useFocusTargetStyles } from '../common/focusAfter';
import { useDatalekStyles } from './useDatalekStyles';

/** Fields with a control of their own in the form, so the error summary can lead to them. */
const CONTROLLED: ReadonlySet<string> = new Set([
  ...TEXT_FIELDS,
  'reportingParty',
  'controllerParty',
  'breachDate',
  'discoveredAt',
  'scaleDataSubjects',
  'scaleFiles',
  'ongoing',
  'dataSubjectsInformed',
  'crossBorder',
]);
const hasControl = (field: string): boolean => CONTROLLED.has(field) || field.startsWith('documents');

/** What the tab needs before it can show the form. */
interface Loaded {
  me: UserProfile;
  library: ExchangeDocument[];
}

/**
 * The user, the newest documents to choose from, and the command's documents even when they are older than that page
 * (each read by id; one the user may not see stays out and is named as missing).
 */
async function loadData(services: Services, commandIds: number[]): Promise<Loaded> {
  const [me, page] = await Promise.all([
    services.directory.currentUser(),
    services.documents.list({ view: 'alle', pageSize: 100, orderBy: { field: 'modified', ascending: false } }),
  ]);
  const absent = commandIds.filter((id) => !page.items.some((d) => d.id === id));
  const extra = await Promise.all(absent.map((id) => services.documents.get(id).catch(() => undefined)));
  return { me, library: [...extra.filter((d): d is ExchangeDocument => d !== undefined), ...page.items] };
}

/**
 * "Datalek melden" (art. 9.6, bijlage 2): the form pre-filled from the signed-in user and the chosen documents, kept as
 * a local draft until it is submitted or thrown away; after submitting, what went out and the checklist.
 */
export default function DatalekTab(): React.ReactElement {
  const t = useStrings();
  const services = useServices();
  const command = useHostCommand();
  const commandIds = command?.kind === 'datalek' ? command.items.map((i) => i.id) : [];
  const data = useAsync(() => loadData(services, commandIds), [services, commandIds.join(',')]);
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'error') return <Failure error={data.error} onRetry={data.reload} />;
  return <DatalekFlow me={data.value.me} library={data.value.library} />;
}

function DatalekFlow(props: Loaded): React.ReactElement {
  const t = useStrings();
  const styles = useDatalekStyles();
  const focusStyles = useFocusTargetStyles();
  const services = useServices();
  const command = useHostCommand();
  const { config } = services;
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const origin = React.useMemo(() => new URL(services.host.siteUrl).origin, [services.host.siteUrl]);
  const key = draftKey(services.host.siteUrl, props.me.email);
  const storage = browserStorage();

  const docsFor = (ids: string[]): ExchangeDocument[] => props.library.filter((d) => ids.includes(String(d.id)));
  const prefillFor = (docs: ExchangeDocument[]): DatalekPrefill => {
    const p = prefill(
      props.me,
      config,
      docs.map((d) => toPrefillDocument(d, origin)),
      new Date(),
    );
    // A document without any processing activity gets its own message beside the documents (DatalekForm).
    return { ...p, notes: p.notes.filter((n) => !(n.code === 'unknown_activity' && n.en.includes("activity ''"))) };
  };

  const [initial] = React.useState(() => {
    const commandIds = command?.kind === 'datalek' ? command.items.map((i) => String(i.id)) : [];
    const draft = loadDraft(storage, key);
    const ids = [...new Set([...(draft?.values.documents.map((d) => d.id) ?? []), ...commandIds])];
    const p = prefillFor(docsFor(ids));
    const fresh = valuesFromPrefill(p);
    // A restored draft keeps what was typed; documents from the command are added to its selection.
    const values = draft ? { ...fresh, ...draft.values, documents: fresh.documents } : fresh;
    const missing = commandIds.filter((id) => !props.library.some((d) => String(d.id) === id));
    return { values, fresh, restoredAt: draft?.savedAt, notes: p.notes, missing };
  });
  const [values, setValues] = React.useState<DatalekFormValues>(initial.values);
  const [prefilled, setPrefilled] = React.useState<DatalekFormValues>(initial.fresh);
  const [notes, setNotes] = React.useState<PrefillNote[]>(initial.notes);
  const [restoredAt, setRestoredAt] = React.useState(initial.restoredAt);
  const [errors, setErrors] = React.useState<DatalekFieldError[]>([]);
  const [warnings, setWarnings] = React.useState<DatalekFieldError[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>();
  const [result, setResult] = React.useState<DeliveryResult>();
  const [report, setReport] = React.useState<DatalekReport>();

  // Focus follows what a submit brings (WCAG 2.4.3, 3.3.1): the error summary when the form was refused, the failure
  // when nothing could be stored, the stored report when it was; the form's title after "Nieuwe melding". Never the
  // page's body, and never left on a button whose answer appeared elsewhere.
  const errorSummary = React.useRef<HTMLDivElement>(null);
  const failureMessage = React.useRef<HTMLDivElement>(null);
  const storedMessage = React.useRef<HTMLDivElement>(null);
  const formTitle = React.useRef<HTMLHeadingElement>(null);
  const focusNext = React.useRef<'errors' | 'failure' | 'stored' | 'title'>();
  React.useEffect(() => {
    const targets = { errors: errorSummary, failure: failureMessage, stored: storedMessage, title: formTitle };
    const target = focusNext.current && targets[focusNext.current].current;
    if (!target) return;
    focusNext.current = undefined;
    target.focus();
  });
  const panel = React.useRef<HTMLDivElement>(null);
  /** From the error summary to the field it names (its first control). */
  const focusField = (field: string): void => {
    const root = panel.current;
    const box = field.startsWith('documents')
      ? root?.querySelector('[data-testid="datalek-documents"]')
      : root?.querySelector(`[data-field="${field}"]`);
    box?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  };

  const change = (patch: Partial<DatalekFormValues>): void =>
    setValues((v) => {
      const next = { ...v, ...patch };
      saveDraft(storage, key, next, new Date());
      return next;
    });
  const toggle = (doc: ExchangeDocument, selected: boolean): void => {
    const ids = new Set(values.documents.map((d) => d.id));
    if (selected) ids.add(String(doc.id));
    else ids.delete(String(doc.id));
    const p = prefillFor(docsFor([...ids]));
    const after = valuesFromPrefill(p);
    const next = withDocuments(values, prefilled, after);
    setPrefilled(after);
    setNotes(p.notes);
    setValues(next);
    saveDraft(storage, key, next, new Date());
  };
  const throwAway = (): void => {
    discardDraft(storage, key);
    const p = prefillFor([]);
    setValues(valuesFromPrefill(p));
    setPrefilled(valuesFromPrefill(p));
    setNotes(p.notes);
    setRestoredAt(undefined);
    setErrors([]);
    setWarnings([]);
  };
  const submit = async (): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      const r = await outboxFor(services).submit(toReportInput(values, new Date()), { clientKey: values.clientKey });
      setWarnings(r.warnings);
      if (!r.ok) {
        focusNext.current = 'errors';
        setErrors(r.errors);
        return;
      }
      // Stored in the register: the draft has served its purpose.
      discardDraft(storage, key);
      focusNext.current = 'stored';
      setErrors([]);
      setResult(r);
      setReport(r.report);
    } catch (e) {
      // Nothing stored (the register refused): the draft stays, the person can submit again.
      focusNext.current = 'failure';
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  if (result && report) {
    return (
      <div className={styles.panel} data-testid="datalek-result" data-report-id={result.id}>
        <MessageBar
          ref={storedMessage}
          tabIndex={-1}
          className={focusStyles.focusTarget}
          intent="success"
          data-testid="datalek-stored"
        >
          <MessageBarBody>
            <MessageBarTitle>{format(t.datalekStored, { id: result.id })}</MessageBarTitle>
            {t.datalekStoredBody}
          </MessageBarBody>
        </MessageBar>
        <DeliveryPanel
          id={result.id}
          report={report}
          delivery={result.delivery}
          registerErrors={result.registerErrors}
          unrecorded={result.unrecorded}
          onUpdate={(u) => {
            setReport(u.report);
            if (u.delivery) setResult({ ...result, report: u.report, delivery: u.delivery });
          }}
        />
        <div className={styles.actions}>
          <Button
            onClick={() => {
              focusNext.current = 'title';
              setResult(undefined);
              throwAway();
            }}
          >
            {t.datalekNew}
          </Button>
        </div>
      </div>
    );
  }

  const recipients = config.parties.filter((p) => p.key === values.controllerParty && p.key !== values.reportingParty);
  const informed = recipients.length ? recipients : config.parties.filter((p) => p.key !== values.reportingParty);
  return (
    <div className={styles.panel} ref={panel}>
      {/* Subtitle1's look (size 500, semibold), as a Text that takes a ref to move focus to. */}
      <Text as="h2" size={500} weight="semibold" ref={formTitle} tabIndex={-1} className={focusStyles.focusTarget}>
        {t.datalekTitle}
      </Text>
      <Text>{t.datalekIntro}</Text>
      {restoredAt && (
        <MessageBar intent="info" data-testid="datalek-draft-restored">
          <MessageBarBody>
            {format(t.datalekDraftRestored, {
              at: new Date(restoredAt).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL'),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {initial.missing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{format(t.datalekMissingDocuments, { ids: initial.missing.join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      {notes.map((n) => (
        <MessageBar key={n.code} intent="warning">
          <MessageBarBody>{n[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      <section className={styles.section} data-testid="datalek-recipients">
        <Text weight="semibold">{t.datalekRecipientsTitle}</Text>
        <ul className={styles.list}>
          {informed.map((p) => (
            <li key={p.key}>
              <Text>{format(t.datalekRecipientLine, { party: p.shortName, address: p.breachAddress })}</Text>
              <ul className={styles.list}>
                {p.contacts
                  .filter((c) => c.order === 1 || c.order === 2)
                  .sort((a, b) => a.order - b.order)
                  .map((c) => (
                    <li key={c.order}>
                      <Text>{`${format(t.datalekContactOrder, { order: c.order })}: ${c.name}, ${c.email}, ${c.phone}`}</Text>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      {errors.length > 0 && (
        // The error summary: focused after a refused submit, announced (role alert), each error a link to its field.
        <MessageBar
          ref={errorSummary}
          tabIndex={-1}
          role="alert"
          className={focusStyles.focusTarget}
          intent="error"
          layout="multiline"
          data-testid="datalek-errors"
        >
          <MessageBarBody>
            <MessageBarTitle>{t.datalekErrorsTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {errors.map((e, i) => (
                <li key={i}>
                  {hasControl(e.field) ? (
                    <Link as="button" inline onClick={() => focusField(e.field)}>
                      {datalekFormErrorText(e, t)}
                    </Link>
                  ) : (
                    datalekFormErrorText(e, t)
                  )}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <DatalekForm
        values={values}
        onChange={change}
        errors={errors}
        warnings={warnings}
        disabled={busy}
        library={props.library}
        onToggleDocument={toggle}
      />
      {failure !== undefined && (
        <MessageBar
          ref={failureMessage}
          tabIndex={-1}
          className={focusStyles.focusTarget}
          intent="error"
          data-testid="datalek-submit-failed"
        >
          <MessageBarBody>
            <MessageBarTitle>{t.datalekSubmitFailed}</MessageBarTitle>
            <FailureText error={failure} />
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {/* Focusable while it works: focus stays here until the outcome (summary, failure or report) takes it. */}
        <Button
          appearance="primary"
          data-testid="datalek-submit"
          disabledFocusable={busy}
          onClick={() => {
            submit().catch(() => undefined);
          }}
        >
          {busy ? t.datalekSubmitting : t.datalekSubmit}
        </Button>
        <Button data-testid="datalek-discard" disabled={busy} onClick={throwAway}>
          {t.datalekDiscard}
        </Button>
      </div>
    </div>
  );
}
