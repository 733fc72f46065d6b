/**
 * The register's rules for the agreement itself (art. 13.2–13.3, 14.1), checked on every write so no host or script can
 * record a change as agreed without the bestuurlijk overleg and the new signature. Pure; the adapter supplies the meeting.
 */
import type { AgreementConfig } from '../../domain/agreement/schema';
import { RegisterRuleError, type AgreementEntry, type MeetingEntry } from '../../ports/registers';

/** Kinds that are the agreement itself rather than an elaboration of it. */
const AGREEMENT_ITSELF: ReadonlySet<AgreementEntry['kind']> = new Set([
  'samenwerkingsovereenkomst',
  'convenant',
  'samenwerkingsprotocol',
  'onderzoekssamenwerking',
]);

/** Statuses that say the parties agreed. */
const AGREED: ReadonlySet<AgreementEntry['status']> = new Set(['ondertekend', 'gepubliceerd', 'in werking']);

/** Throws {@link RegisterRuleError} when the entry may not be stored as it is. */
export function checkAgreementEntry(
  config: AgreementConfig,
  entry: AgreementEntry,
  meeting: MeetingEntry | null,
): void {
  if (!AGREEMENT_ITSELF.has(entry.kind) || !AGREED.has(entry.status)) return;
  if (entry.supersedesId !== undefined) {
    // art. 13.2: a change is only agreed in the bestuurlijk overleg.
    if (entry.meetingId === undefined || !meeting) {
      throw new RegisterRuleError(
        'art. 13.2',
        `Een wijziging van de overeenkomst geldt pas als overeengekomen wanneer zij in het bestuurlijk overleg is besproken; koppel dat overleg`,
      );
    }
    const kind = config.meetings.find((m) => m.key === meeting.series)?.kind;
    if (kind !== 'bestuurlijk' || meeting.status !== 'gehouden') {
      throw new RegisterRuleError(
        'art. 13.2',
        `Het gekoppelde overleg '${meeting.title}' is geen gehouden bestuurlijk overleg`,
      );
    }
    // art. 13.3: the changed agreement is signed again, after that meeting.
    if (!entry.signedOn || entry.signedOn < meeting.date.slice(0, 10)) {
      throw new RegisterRuleError(
        'art. 13.3',
        `De gewijzigde overeenkomst moet na het bestuurlijk overleg (${meeting.date.slice(0, 10)}) opnieuw worden ondertekend; vul de nieuwe datum van ondertekening in`,
      );
    }
  }
  if (entry.status === 'in werking' && config.agreement.effectiveRule === 'dayAfterPublication' && !entry.publishedOn) {
    // art. 14.1: in force the day after publication in the Staatscourant.
    throw new RegisterRuleError(
      'art. 14.1',
      'De overeenkomst treedt pas in werking de dag na publicatie in de Staatscourant; vul de publicatiedatum in',
    );
  }
}
