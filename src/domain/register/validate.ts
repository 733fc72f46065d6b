/** Validation of a register record: each error names the field and, where a rule comes from the agreement, the article. */
import type { AgreementConfig } from '../agreement/schema';
import { parseIsoDate } from '../common/dates';
import { dvaYear, effectiveFromPublication, isAgreementItself } from './dates';
import {
  REGISTER_KINDS,
  REGISTER_STATUSES,
  type LinkedMeeting,
  type RegisterError,
  type RegisterField,
  type RegisterRecord,
  type RegisterStatus,
} from './types';

/** Builds a {@link RegisterError}. */
function fail(field: RegisterField, nl: string, en: string, article?: string): RegisterError {
  return { field, message: { nl, en }, ...(article ? { article } : {}) };
}

/** Date fields of a record. */
const DATE_FIELDS = ['signedOn', 'publishedOn', 'effectiveFrom', 'evaluationDue', 'expiresOn'] as const;

/** Statuses in which the record has been signed and counts (not the end states, which may close a never-signed concept). */
const SIGNED: readonly RegisterStatus[] = ['ondertekend', 'gepubliceerd', 'in werking', 'te evalueren'];

/** What the register needs to know beyond the record itself to judge the art. 13.2–13.3 rule. */
export interface ValidationContext {
  /** The bestuurlijk overleg the record's `meetingId` points at, when it was loaded. */
  meeting?: LinkedMeeting;
  /** The record this one supersedes, when it was loaded. */
  superseded?: RegisterRecord;
}

/** Plain input checks: title, kind, parties, accounthouders (art. 5), dates, DVA year (art. 12), version. */
function checkInput(r: RegisterRecord, config: AgreementConfig): RegisterError[] {
  const errors: RegisterError[] = [];
  if (!r.title || r.title.trim().length === 0) errors.push(fail('title', 'Titel is verplicht.', 'Title is required.'));
  if (!REGISTER_KINDS.includes(r.kind)) {
    errors.push(fail('kind', `Onbekend soort overeenkomst '${String(r.kind)}'.`, `Unknown kind '${String(r.kind)}'.`));
  }
  if (!REGISTER_STATUSES.includes(r.status)) {
    errors.push(fail('status', `Onbekende status '${String(r.status)}'.`, `Unknown status '${String(r.status)}'.`));
  }
  const known = new Set(config.parties.map((p) => p.key));
  const minParties = r.kind === 'verwerkersovereenkomst' ? 1 : 2;
  if (r.parties.length < minParties) {
    errors.push(
      fail(
        'parties',
        `Kies minstens ${minParties} partij(en) van de overeenkomst.`,
        `Choose at least ${minParties} part${minParties === 1 ? 'y' : 'ies'} of the agreement.`,
      ),
    );
  }
  for (const p of r.parties) {
    if (!known.has(p)) {
      errors.push(fail('parties', `Partij '${p}' staat niet in de configuratie.`, `Party '${p}' is not configured.`));
    } else if (!r.accounthouders[p]?.functionTitle?.trim()) {
      errors.push(
        fail(
          'accounthouders',
          `De accounthouder van ${p} ontbreekt (functietitel).`,
          `The accounthouder (account holder) of ${p} is missing (function title).`,
          'art. 5',
        ),
      );
    }
  }
  for (const f of DATE_FIELDS) {
    const v = r[f];
    if (v !== undefined && v !== '' && !parseIsoDate(v)) {
      errors.push(fail(f, `'${v}' is geen datum (JJJJ-MM-DD).`, `'${v}' is not a date (YYYY-MM-DD).`));
    }
  }
  if (r.kind === 'dva') {
    const y = dvaYear(r);
    if (y === undefined || y < 2000 || y > 2100) {
      errors.push(
        fail(
          'details.year',
          'Een DVA geldt per jaar: vul het jaar in.',
          'A DVA runs per year: enter the year.',
          'art. 12',
        ),
      );
    }
  }
  if (isAgreementItself(r.kind) && !r.version?.trim()) {
    errors.push(
      fail(
        'version',
        'Vul de versie in: wijzigingen van de overeenkomst worden als nieuwe versie vastgelegd.',
        'Enter the version: changes to the agreement are recorded as a new version.',
        'art. 13.3',
      ),
    );
  }
  if (r.id !== undefined && r.supersedesId === r.id) {
    errors.push(
      fail('supersedesId', 'Een overeenkomst kan zichzelf niet vervangen.', 'A record cannot supersede itself.'),
    );
  }
  return errors;
}

/** Date order and the art. 14.1 effective date. */
function checkDates(r: RegisterRecord): RegisterError[] {
  const errors: RegisterError[] = [];
  const valid = (v?: string): v is string => !!v && !!parseIsoDate(v);
  if (valid(r.signedOn) && valid(r.publishedOn) && r.publishedOn < r.signedOn) {
    errors.push(
      fail(
        'publishedOn',
        'De publicatie in de Staatscourant kan niet vóór de ondertekening liggen.',
        'Publication in the Staatscourant cannot precede signing.',
        'art. 14.1',
      ),
    );
  }
  if (isAgreementItself(r.kind) && valid(r.publishedOn) && valid(r.effectiveFrom)) {
    const expected = effectiveFromPublication(r.publishedOn);
    if (r.effectiveFrom !== expected) {
      errors.push(
        fail(
          'effectiveFrom',
          `De overeenkomst treedt in werking op de dag na publicatie in de Staatscourant: ${expected}.`,
          `The agreement takes effect the day after publication in the Staatscourant: ${expected}.`,
          'art. 14.1',
        ),
      );
    }
  }
  if (valid(r.effectiveFrom) && valid(r.evaluationDue) && r.evaluationDue < r.effectiveFrom) {
    errors.push(
      fail(
        'evaluationDue',
        'De evaluatie ligt vóór de inwerkingtreding.',
        'Evaluation precedes the effective date.',
        'art. 13.2',
      ),
    );
  }
  return errors;
}

/** The fields a status demands: signature (art. 14), publication (art. 14.1), effective date and evaluation (art. 13.2). */
export function requirementsFor(r: RegisterRecord, status: RegisterStatus): RegisterError[] {
  const errors: RegisterError[] = [];
  if (!SIGNED.includes(status)) return errors;
  const label = { nl: `status '${status}'`, en: `status '${status}'` };
  if (!r.signedOn) {
    errors.push(
      fail(
        'signedOn',
        `Voor ${label.nl} is de datum van ondertekening nodig.`,
        `${label.en} needs the signing date.`,
        'art. 14',
      ),
    );
  }
  if (!r.signedAt?.trim()) {
    errors.push(
      fail(
        'signedAt',
        `Voor ${label.nl} is de plaats van ondertekening nodig.`,
        `${label.en} needs the place of signing.`,
        'art. 14',
      ),
    );
  }
  const published: readonly RegisterStatus[] = ['gepubliceerd', 'in werking', 'te evalueren'];
  if (isAgreementItself(r.kind) && published.includes(status)) {
    if (!r.publishedOn) {
      errors.push(
        fail(
          'publishedOn',
          `Voor ${label.nl} is de publicatiedatum in de Staatscourant nodig.`,
          `${label.en} needs the Staatscourant publication date.`,
          'art. 14.1',
        ),
      );
    }
    if (!r.staatscourant?.trim()) {
      errors.push(
        fail(
          'staatscourant',
          `Voor ${label.nl} is de vindplaats in de Staatscourant nodig.`,
          `${label.en} needs the Staatscourant reference.`,
          'art. 14.1',
        ),
      );
    }
  }
  if ((status === 'in werking' || status === 'te evalueren') && !r.effectiveFrom) {
    errors.push(
      fail(
        'effectiveFrom',
        `Voor ${label.nl} is de datum van inwerkingtreding nodig.`,
        `${label.en} needs the effective date.`,
        'art. 14.1',
      ),
    );
  }
  if (isAgreementItself(r.kind) && (status === 'in werking' || status === 'te evalueren') && !r.evaluationDue) {
    errors.push(
      fail(
        'evaluationDue',
        `Voor ${label.nl} is de evaluatiedatum nodig.`,
        `${label.en} needs the evaluation date.`,
        'art. 13.2',
      ),
    );
  }
  if (r.kind === 'dva' && !r.expiresOn) {
    errors.push(
      fail(
        'expiresOn',
        'Een DVA verloopt aan het eind van zijn jaar: vul de einddatum in.',
        'A DVA expires at the end of its year: enter the end date.',
        'art. 12',
      ),
    );
  }
  return errors;
}

/**
 * art. 13.2–13.3: a change to the agreement itself (a record of the agreement's kind that supersedes an earlier version)
 * only counts as agreed once it was discussed in a held bestuurlijk overleg AND signed again after that meeting.
 */
export function changeRule(r: RegisterRecord, status: RegisterStatus, ctx: ValidationContext = {}): RegisterError[] {
  if (!isAgreementItself(r.kind) || r.supersedesId === undefined || !SIGNED.includes(status)) return [];
  const errors: RegisterError[] = [];
  if (r.meetingId === undefined) {
    errors.push(
      fail(
        'meetingId',
        'Een wijziging van de overeenkomst geldt pas als overeengekomen wanneer zij in een bestuurlijk overleg is vastgesteld: koppel dat overleg.',
        'A change to the agreement only counts as agreed once a bestuurlijk overleg (executive meeting) agreed it: link that meeting.',
        'art. 13.2',
      ),
    );
  }
  const m = ctx.meeting;
  if (m && r.meetingId === m.id) {
    if (m.kind !== 'bestuurlijk') {
      errors.push(
        fail(
          'meetingId',
          'Het gekoppelde overleg is geen bestuurlijk overleg.',
          'The linked meeting is not a bestuurlijk overleg.',
          'art. 13.2',
        ),
      );
    } else if (m.status !== 'gehouden') {
      errors.push(
        fail(
          'meetingId',
          'Het gekoppelde bestuurlijk overleg is nog niet gehouden; de wijziging is dus nog niet overeengekomen.',
          'The linked bestuurlijk overleg has not been held yet, so the change is not agreed yet.',
          'art. 13.2',
        ),
      );
    }
  }
  if (!r.signedOn) {
    errors.push(
      fail(
        'signedOn',
        'Een wijziging van de overeenkomst moet opnieuw worden ondertekend: vul de datum van de nieuwe ondertekening in.',
        'A change to the agreement must be signed again: enter the date of the new signature.',
        'art. 13.3',
      ),
    );
  } else {
    const meetingDay = m && r.meetingId === m.id ? m.date.slice(0, 10) : undefined;
    if (meetingDay && r.signedOn < meetingDay) {
      errors.push(
        fail(
          'signedOn',
          `De nieuwe ondertekening (${r.signedOn}) ligt vóór het bestuurlijk overleg (${meetingDay}); onderteken na het overleg.`,
          `The new signature (${r.signedOn}) precedes the bestuurlijk overleg (${meetingDay}); sign after the meeting.`,
          'art. 13.3',
        ),
      );
    }
    const old = ctx.superseded;
    if (old?.signedOn && r.signedOn <= old.signedOn) {
      errors.push(
        fail(
          'signedOn',
          `De wijziging is niet opnieuw ondertekend: de datum is niet later dan die van de vorige versie (${old.signedOn}).`,
          `The change was not signed again: the date is not later than the previous version's (${old.signedOn}).`,
          'art. 13.3',
        ),
      );
    }
  }
  return errors;
}

/** Every error of a record in its current status (input, dates, status requirements, art. 13.2–13.3). */
export function validateRecord(
  r: RegisterRecord,
  config: AgreementConfig,
  ctx: ValidationContext = {},
): RegisterError[] {
  const change = changeRule(r, r.status, ctx);
  // The art. 13.2–13.3 message explains a missing field better than the generic one, so it replaces it.
  const explained = new Set(change.map((e) => e.field));
  const required = requirementsFor(r, r.status).filter((e) => !explained.has(e.field));
  return [...checkInput(r, config), ...checkDates(r), ...required, ...change];
}
