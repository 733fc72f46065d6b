/**
 * A report's changes as SharePoint recorded them (AVG art. 5(2), 33(5)). The Datalekregister keeps every version of
 * an item; who saved a version (Editor) and when (Created) is written by SharePoint, not by the product. The names in
 * the form (a decision's decidedBy) are typed by whoever writes the item, and a privacy officer may write the item's
 * JSON column over REST, as may a reporter when adding it. SharePoint cannot refuse that, so the act must show: each
 * version with its Editor and what it changed, and a decision whose stated author is not who saved it is named.
 *
 * A decision's content is its choice and reason (notify/inform, reason), as the register screen keeps the author of an
 * unchanged decision: its author is checked against the Editor of the version that gave it that content. An officer
 * who also writes the colleague into Editor (`validateUpdateListItem` form values) is not caught: the Editor is then
 * what they wrote (docs/security.md). Pure.
 */
import { sameName, versionLine, type VersionLine } from '../domain/common/versionTrace';
import type { PersonRef } from '../ports/documents';
import type { BreachVersion } from '../ports/registers';

/** The two decisions of the controller (AVG art. 33, 34). */
export const TRACED_DECISIONS = ['apDecision', 'dataSubjectsDecision'] as const;
export type TracedDecision = (typeof TRACED_DECISIONS)[number];

/** What one version changed against the one before it. */
export type TraceChange = 'created' | 'earliest' | 'status' | TracedDecision | 'facts';

/** One version: its label, when and by whom SharePoint says it was saved, its status and what it changed. */
export type TraceLine = VersionLine<TraceChange>;

/** A decision whose stated author is not the person SharePoint recorded as saving it. */
export interface DecisionMismatch {
  decision: TracedDecision;
  /** The name in the decision (decidedBy). */
  declared: string;
  /** The version that gave the decision its content, and its Editor. */
  label: string;
  savedBy?: PersonRef;
}

/** The trace of one report: its versions newest first, and the decisions whose author does not match. */
export interface ReportTrace {
  lines: TraceLine[];
  mismatches: DecisionMismatch[];
  /**
   * Decisions whose author cannot be checked: the version that gave them their content is not kept (the history
   * starts later) or the version before it could not be read. Never counted as matching.
   */
  unchecked: TracedDecision[];
}

const CHOICE: Record<TracedDecision, string> = { apDecision: 'notify', dataSubjectsDecision: 'inform' };

function decisionOf(form: Record<string, unknown> | undefined, key: TracedDecision): Record<string, unknown> | undefined {
  const d = form?.[key];
  return d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : undefined;
}

/** A decision's content (choice and reason), or undefined when there is none. */
function contentOf(form: Record<string, unknown> | undefined, key: TracedDecision): string | undefined {
  const d = decisionOf(form, key);
  if (!d) return undefined;
  return JSON.stringify([d[CHOICE[key]] ?? null, typeof d.reason === 'string' ? d.reason.trim() : (d.reason ?? null)]);
}

/** The form without the decisions, keys in order, to compare the report's facts. */
function factsOf(form: Record<string, unknown> | undefined): string {
  const entries = Object.entries(form ?? {}).filter(([k]) => !(TRACED_DECISIONS as readonly string[]).includes(k));
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The trace of a report from its versions as SharePoint lists them (newest first). */
export function reportTrace(versions: BreachVersion[]): ReportTrace {
  const oldestFirst = [...versions].reverse();
  const lines: TraceLine[] = [];
  // per decision: the version that gave it its current content, and whether that version is known to be the one
  const gaveContent: Partial<Record<TracedDecision, { version: BreachVersion; certain: boolean }>> = {};
  oldestFirst.forEach((v, i) => {
    const prev = i > 0 ? oldestFirst[i - 1] : undefined;
    const changes: TraceChange[] = [];
    if (!prev) changes.push(v.label === '1.0' ? 'created' : 'earliest');
    else {
      if (v.status !== prev.status) changes.push('status');
      for (const k of TRACED_DECISIONS)
        if (JSON.stringify(decisionOf(v.form, k)) !== JSON.stringify(decisionOf(prev.form, k))) changes.push(k);
      if (factsOf(v.form) !== factsOf(prev.form)) changes.push('facts');
    }
    for (const k of TRACED_DECISIONS) {
      const now = contentOf(v.form, k);
      if (now === undefined) delete gaveContent[k];
      else if (!prev || now !== contentOf(prev.form, k)) {
        // the first kept version gave it only when it is the first version of all; after an unreadable version the
        // content may be older than this one
        const certain = prev ? prev.form !== undefined : v.label === '1.0';
        gaveContent[k] = { version: v, certain };
      }
    }
    lines.push(versionLine(v, changes, v.form === undefined));
  });
  const newest = oldestFirst[oldestFirst.length - 1];
  const mismatches: DecisionMismatch[] = [];
  const unchecked: TracedDecision[] = [];
  for (const k of TRACED_DECISIONS) {
    const source = gaveContent[k];
    const declared = decisionOf(newest?.form, k)?.decidedBy;
    if (!source || typeof declared !== 'string') continue;
    if (!source.certain) {
      unchecked.push(k);
      continue;
    }
    const { editor, label } = source.version;
    if (editor && sameName(declared, editor.displayName)) continue;
    mismatches.push({ decision: k, declared, label, ...(editor ? { savedBy: editor } : {}) });
  }
  return { lines: lines.reverse(), mismatches, unchecked };
}
