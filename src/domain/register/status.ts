/** The status machine of a register record and the edits a signed agreement allows (art. 13.2–13.3, 14.1). */
import type { AgreementConfig } from '../agreement/schema';
import { err, ok, type Result } from '../common/types';
import { isAgreementItself, withDerivedDates } from './dates';
import type { RegisterError, RegisterRecord, RegisterStatus } from './types';
import { validateRecord, type ValidationContext } from './validate';

/** Next statuses allowed from each status; 'vervangen' and 'beëindigd' are final. */
export const NEXT_STATUSES: Readonly<Record<RegisterStatus, readonly RegisterStatus[]>> = {
  concept: ['in overleg', 'beëindigd'],
  'in overleg': ['concept', 'ondertekend', 'beëindigd'],
  ondertekend: ['gepubliceerd', 'in werking', 'beëindigd'],
  gepubliceerd: ['in werking'],
  'in werking': ['te evalueren', 'vervangen', 'beëindigd'],
  // art. 13.2: an evaluation keeps the agreement, opens a change (back to overleg), or ends/replaces it.
  'te evalueren': ['in werking', 'in overleg', 'vervangen', 'beëindigd'],
  vervangen: [],
  beëindigd: [],
};

/** The statuses a record may move to from its own, given its kind (the agreement itself goes through publication). */
export function allowedNext(record: Pick<RegisterRecord, 'status' | 'kind'>): RegisterStatus[] {
  return NEXT_STATUSES[record.status].filter(
    (s) => !(record.status === 'ondertekend' && s === 'in werking' && isAgreementItself(record.kind)),
  );
}

/** Who changes the status and when. */
export interface TransitionContext extends ValidationContext {
  /** Today as YYYY-MM-DD. */
  today: string;
  /** Display name of the accounthouder making the change. */
  by?: string;
  /** Their SharePoint user id, kept beside the name (a name changes; the id does not). */
  byId?: number;
  note?: string;
}

/**
 * Moves a record to `to`: checks the step is allowed, fills the dates the articles fix, checks what the new status
 * demands (including the art. 13.2–13.3 change rule) and appends the step to the history. Nothing changes on error.
 */
export function transition(
  record: RegisterRecord,
  to: RegisterStatus,
  config: AgreementConfig,
  ctx: TransitionContext,
): Result<RegisterRecord, RegisterError[]> {
  if (!allowedNext(record).includes(to)) {
    const publish = record.status === 'ondertekend' && to === 'in werking' && isAgreementItself(record.kind);
    return err([
      publish
        ? {
            field: 'status',
            article: 'art. 14.1',
            message: {
              nl: 'De overeenkomst treedt pas in werking na publicatie in de Staatscourant: zet haar eerst op gepubliceerd.',
              en: 'The agreement only takes effect after publication in the Staatscourant: mark it published first.',
            },
          }
        : {
            field: 'status',
            message: {
              nl: `Van '${record.status}' kan niet naar '${to}'; wel naar: ${allowedNext(record).join(', ') || 'niets (eindstatus)'}.`,
              en: `Cannot go from '${record.status}' to '${to}'; allowed: ${allowedNext(record).join(', ') || 'none (final status)'}.`,
            },
          },
    ]);
  }
  const next = withDerivedDates({ ...record, status: to }, config);
  const errors = validateRecord(next, config, ctx);
  if (errors.length > 0) return err(errors);
  const step = {
    status: to,
    at: ctx.today,
    ...(ctx.by ? { by: ctx.by } : {}),
    ...(ctx.byId !== undefined ? { byId: ctx.byId } : {}),
    ...(ctx.note ? { note: ctx.note } : {}),
  };
  return ok({ ...next, history: [...record.history, step] });
}

/** Fields that are the content of the agreement itself; once signed they change only through a new version. */
const CONTENT_FIELDS = ['title', 'kind', 'parties', 'version', 'signedOn', 'signedAt'] as const;

/**
 * An edit that does not change the status. A signed agreement itself is not edited in place (art. 13.3): its content
 * changes only through a new record that supersedes it, agreed in a bestuurlijk overleg and signed again.
 */
export function checkEdit(before: RegisterRecord, after: RegisterRecord): RegisterError[] {
  const errors: RegisterError[] = [];
  if (before.status !== after.status) {
    errors.push({
      field: 'status',
      message: {
        nl: 'Wijzig de status met een statusstap, zodat de geschiedenis klopt.',
        en: 'Change the status with a status step, so the history stays right.',
      },
    });
  }
  const signed = !['concept', 'in overleg'].includes(before.status);
  if (signed && isAgreementItself(before.kind)) {
    for (const f of CONTENT_FIELDS) {
      if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) {
        errors.push({
          field: f,
          article: 'art. 13.3',
          message: {
            nl: 'Een ondertekende overeenkomst wijzigt u niet ter plekke: leg de wijziging vast als nieuwe versie die deze vervangt, vastgesteld in een bestuurlijk overleg en opnieuw ondertekend.',
            en: 'A signed agreement is not changed in place: record the change as a new version that supersedes it, agreed in a bestuurlijk overleg and signed again.',
          },
        });
      }
    }
  }
  return errors;
}

/**
 * A new version that took effect replaces the one it supersedes: that record moves to 'vervangen' (art. 13.3). Returns
 * the updated old record, or errors when the old record cannot be replaced (e.g. it already ended).
 */
export function replaceSuperseded(
  old: RegisterRecord,
  replacement: RegisterRecord,
  config: AgreementConfig,
  ctx: TransitionContext,
): Result<RegisterRecord, RegisterError[]> {
  if (replacement.status !== 'in werking') {
    return err([
      {
        field: 'supersedesId',
        article: 'art. 13.3',
        message: {
          nl: 'Een versie wordt pas vervangen wanneer de nieuwe versie in werking is.',
          en: 'A version is only superseded once the new version is in force.',
        },
      },
    ]);
  }
  const note =
    ctx.note ?? `vervangen door ${replacement.title}${replacement.version ? ` (versie ${replacement.version})` : ''}`;
  return transition(old, 'vervangen', config, { ...ctx, note });
}
