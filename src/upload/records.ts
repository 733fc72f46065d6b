/** What a decision writes: the library metadata of a shared file and its Toetslog record (AVG art. 5(2)). Pure. */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { Decision } from '../domain/doelbinding';
import { keepUntil } from '../domain/retention';
import type { ScanResult } from '../domain/scan';
import type { DocumentMetadata, PersonRef } from '../ports/documents';
import type { AuditRecord } from '../ports/registers';
import { findingCounts, recipientsOf, type ShareForm } from './decide';
import { AUDIT_DECISION, STATUS_FOR_OUTCOME } from './status';

/**
 * The metadata a file is stored with; null for a refused file (it is never stored). The retention date runs from the
 * upload, the earliest moment the activity's trigger event can happen, so the "Bewaartermijn verlopen" view asks for
 * a check no later than the term allows.
 */
export function metadataFor(
  config: AgreementConfig,
  form: ShareForm,
  decision: Decision,
  party: string,
  toetsId: string,
  now: Date,
): DocumentMetadata | null {
  const toetsstatus = STATUS_FOR_OUTCOME[decision.outcome];
  if (toetsstatus === null) return null;
  const personal = form.answers.containsPersonalData;
  const activity = personal ? config.processingActivities.find((a) => a.key === form.answers.activityKey) : undefined;
  return {
    documentType: form.documentType,
    classification: form.classification,
    toetsstatus,
    ...(activity ? { activity: activity.key } : {}),
    categories: personal ? [...form.answers.categories] : [],
    party,
    // art. 8, 9.5: who reads it; decides its folder (also after review: the approval follows these recipients).
    recipients: recipientsOf(config, party, form.recipients),
    ...(form.year !== undefined ? { year: form.year } : {}),
    ...(activity ? { retainUntil: keepUntil(activity, now).toISOString().slice(0, 10) } : {}),
    confidential: form.confidential,
    toetsId,
  };
}

/** The Toetslog record of one decision: who, which file, purpose, answers, finding kinds and counts, reasons, rules. */
export function auditRecordFor(args: {
  toetsId: string;
  now: Date;
  user: PersonRef;
  party: string | null;
  fileName: string;
  form: ShareForm;
  scan: ScanResult | undefined;
  decision: Decision;
  /** SHA-256 of the bytes decided on (recognises a later copy or re-upload, art. 9.2). */
  contentHash?: string;
  /** The configuration, to record every other party as the recipients when none were chosen. */
  config?: AgreementConfig;
}): AuditRecord {
  const { form, decision } = args;
  const a = form.answers;
  return {
    toetsId: args.toetsId,
    at: args.now.toISOString(),
    user: args.user,
    party: args.party,
    fileName: args.fileName,
    ...(a.containsPersonalData && a.activityKey ? { activity: a.activityKey } : {}),
    ...(form.recipients !== undefined || args.config
      ? { recipients: args.config ? recipientsOf(args.config, args.party, form.recipients) : [...(form.recipients ?? [])] }
      : {}),
    decision: AUDIT_DECISION[decision.outcome],
    ruleVersion: decision.ruleVersion,
    answers: {
      documentType: form.documentType,
      classification: form.classification,
      confidential: form.confidential,
      ...(form.year !== undefined ? { year: form.year } : {}),
      containsPersonalData: a.containsPersonalData,
      ...(a.containsPersonalData
        ? {
            activityKey: a.activityKey,
            categories: a.categories,
            necessity: a.necessity,
            lessDataPossible: a.lessDataPossible,
            ...(a.consentRecorded !== undefined ? { consentRecorded: a.consentRecorded } : {}),
            ...(a.consentReference ? { consentReference: a.consentReference } : {}),
            ...(a.exceptionalCircumstances ? { exceptionalCircumstances: a.exceptionalCircumstances } : {}),
          }
        : {}),
      // seed 004: say when the content could not be checked, so the record does not read as "nothing found".
      ...(args.scan?.unsupported ? { scanned: false } : { scanned: args.scan !== undefined }),
    },
    // Kinds and counts only: a finding never carries a value (AVG art. 5(1)(c)).
    findings: findingCounts(args.scan).map((f) => ({ kind: f.kind, count: f.count })),
    reasons: decision.reasons.map((r) => ({ article: r.source, text: r.nl })),
    ...(args.contentHash ? { contentHash: args.contentHash } : {}),
  };
}
