/**
 * A register record's changes as SharePoint recorded them (art. 5, 13.2–13.3, 14.1; AVG art. 5(2)). The status steps
 * of a record are checked by the product (published before in force, re-signed after a bestuurlijk overleg), but an
 * accounthouder holds Edit on the list and can set the status column or rewrite the status history (JSON) over REST;
 * SharePoint cannot tell that from a step taken in the product. What SharePoint does record is every version and who
 * saved it (Editor). So each version is shown with its Editor and what it changed, and named when:
 *
 * - its status changed without a step for that status added to the history (set around the product's checks);
 * - a step it added names someone else than who saved it (`by` is typed into the item);
 * - it changed or removed steps that were already in the history.
 *
 * A version is judged only against the version before it as kept and read: the first kept version when the history
 * starts later (a version limit), and the one after an unreadable version, are not judged and say so. An editor who
 * also writes Editor through `validateUpdateListItem` form values is not caught (docs/security.md). Pure.
 */
import { sameName, versionLine, type VersionLine } from '../common/versionTrace';
import { NEXT_STATUSES } from './status';
import type { RecordVersion, RegisterPerson, StatusStep } from './types';

/** What a version changed against the one before it. */
export type RecordChange = 'created' | 'earliest' | 'status' | 'step';

/** What a version did that the product's own steps never do. */
export type RecordFindingKind =
  | 'status-without-step'
  | 'status-skipped'
  | 'extra-step'
  | 'step-by-other'
  | 'history-rewritten'
  | 'history-unreadable'
  | 'unchecked';

export interface RecordFinding {
  kind: RecordFindingKind;
  label: string;
  savedBy?: RegisterPerson;
  /** The status set, or the step's status. */
  status?: string;
  /** The status before (status-skipped). */
  from?: string;
  /** The name in the step (step-by-other). */
  declared?: string;
}

export type RecordTraceLine = VersionLine<RecordChange>;

export interface RecordTrace {
  /** Newest first. */
  lines: RecordTraceLine[];
  findings: RecordFinding[];
}

/**
 * True when a step names nobody or the one who saved its version: by SharePoint user id where the step holds one (a
 * renamed person stays themselves, two people of one name stay two), else by name (steps from before ids were kept).
 */
function takenBy(step: StatusStep, v: RecordVersion): boolean {
  if (step.byId !== undefined) return v.editor?.id === step.byId;
  return !step.by || (v.editor !== undefined && sameName(step.by, v.editor.displayName));
}

/**
 * The steps a version added, against what the register does: a new record holds the steps that led to its status
 * (the last one for it); a status change is one step the register allows (NEXT_STATUSES) and adds exactly one step
 * for it; a version that keeps its status adds none; every step names who saved the version, if it names anyone.
 */
function judgeSteps(
  v: RecordVersion,
  prev: RecordVersion | undefined,
  added: StatusStep[],
  by: { savedBy?: RegisterPerson },
): RecordFinding[] {
  const out: RecordFinding[] = [];
  const label = v.label;
  for (const step of added) if (!takenBy(step, v)) out.push({ kind: 'step-by-other', label, status: step.status, declared: step.by, ...by });
  if (!prev) {
    if (added[added.length - 1]?.status !== v.status) out.push({ kind: 'status-without-step', label, status: v.status, ...by });
    return out;
  }
  if (v.status === prev.status) {
    for (const step of added) out.push({ kind: 'extra-step', label, status: step.status, ...by });
    return out;
  }
  const allowed = (NEXT_STATUSES as Readonly<Record<string, readonly string[]>>)[prev.status] ?? [];
  if (!allowed.includes(v.status)) out.push({ kind: 'status-skipped', label, status: v.status, from: prev.status, ...by });
  const own = added.findIndex((step) => step.status === v.status);
  if (own < 0) out.push({ kind: 'status-without-step', label, status: v.status, ...by });
  added.forEach((step, i) => {
    if (i !== own) out.push({ kind: 'extra-step', label, status: step.status, ...by });
  });
  return out;
}

/** The trace of a record from its versions as SharePoint lists them (newest first). */
export function recordTrace(versions: RecordVersion[]): RecordTrace {
  const oldestFirst = [...versions].reverse();
  const lines: RecordTraceLine[] = [];
  const findings: RecordFinding[] = [];
  oldestFirst.forEach((v, i) => {
    const prev = i > 0 ? oldestFirst[i - 1] : undefined;
    const changes: RecordChange[] = [];
    const by = v.editor ? { savedBy: v.editor } : {};
    if (!prev) changes.push(v.label === '1.0' ? 'created' : 'earliest');
    else if (v.status !== prev.status) changes.push('status');
    const before = prev ? prev.history : [];
    const judged = prev !== undefined || v.label === '1.0';
    if (!v.history) {
      // the register always writes a readable list of steps: an unreadable one was written around it
      if (judged && before) findings.push({ kind: 'history-unreadable', label: v.label, ...by });
    } else if (before) {
      const kept = v.history.slice(0, before.length);
      if (JSON.stringify(kept) !== JSON.stringify(before)) findings.push({ kind: 'history-rewritten', label: v.label, ...by });
      const added = v.history.slice(before.length);
      if (added.length && prev) changes.push('step');
      if (judged) findings.push(...judgeSteps(v, prev, added, by));
      else findings.push({ kind: 'unchecked', label: v.label, ...by });
    } else {
      findings.push({ kind: 'unchecked', label: v.label, ...by }); // after an unreadable version
    }
    lines.push(versionLine(v, changes, v.history === undefined));
  });
  return { lines: lines.reverse(), findings };
}
