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
import type { RecordVersion, RegisterPerson } from './types';

/** What a version changed against the one before it. */
export type RecordChange = 'created' | 'earliest' | 'status' | 'step';

/** What a version did that the product's own steps never do. */
export type RecordFindingKind = 'status-without-step' | 'step-by-other' | 'history-rewritten' | 'unchecked';

export interface RecordFinding {
  kind: RecordFindingKind;
  label: string;
  savedBy?: RegisterPerson;
  /** The status set (status-without-step) or the step's status (step-by-other). */
  status?: string;
  /** The name in the step (step-by-other). */
  declared?: string;
}

export type RecordTraceLine = VersionLine<RecordChange>;

export interface RecordTrace {
  /** Newest first. */
  lines: RecordTraceLine[];
  findings: RecordFinding[];
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
    if (v.history && before) {
      const kept = v.history.slice(0, before.length);
      if (JSON.stringify(kept) !== JSON.stringify(before)) findings.push({ kind: 'history-rewritten', label: v.label, ...by });
      const added = v.history.slice(before.length);
      if (added.length && prev) changes.push('step');
      const judged = prev !== undefined || v.label === '1.0';
      if (judged) {
        for (const step of added)
          if (step.by && !(v.editor && sameName(step.by, v.editor.displayName)))
            findings.push({ kind: 'step-by-other', label: v.label, status: step.status, declared: step.by, ...by });
        const statusSet = prev ? v.status !== prev.status : true;
        if (statusSet && !added.some((s) => s.status === v.status))
          findings.push({ kind: 'status-without-step', label: v.label, status: v.status, ...by });
      } else if (added.length || !prev) findings.push({ kind: 'unchecked', label: v.label, ...by });
    } else if (v.history && !before && prev) {
      findings.push({ kind: 'unchecked', label: v.label, ...by }); // after an unreadable version
    }
    lines.push(versionLine(v, changes, v.history === undefined));
  });
  return { lines: lines.reverse(), findings };
}
