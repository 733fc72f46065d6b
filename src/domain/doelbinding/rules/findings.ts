/** Scan findings that contradict the answers: an identifier found that the answers do not declare. */
import type { PersonalDataCategory } from '../../agreement/schema';
import type { FindingKind } from '../../scan/types';
import { reason } from '../reason';
import type { Reason } from '../types';
import type { Rule } from './context';

/** Dutch and English names of finding kinds (names only: values are never part of a finding). */
const KIND_NAMES: Record<FindingKind, [string, string]> = {
  bsn: ['BSN', 'BSN'],
  iban: ['IBAN', 'IBAN'],
  big: ['BIG-nummer', 'BIG number'],
  email: ['e-mailadres', 'e-mail address'],
  phone: ['telefoonnummer', 'phone number'],
  birthdate: ['geboortedatum', 'birth date'],
  healthTerm: ['gezondheidsterm', 'health term'],
};

/**
 * Identifiers that on their own point at a person (BSN with elfproef, IBAN with mod-97, BIG number next to 'BIG')
 * refuse when undeclared. E-mail addresses, phone numbers, dates and health terms also occur in documents without
 * personal data (a functional mailbox, a meeting date, a policy text), so they go to review instead.
 */
const STRONG: ReadonlySet<FindingKind> = new Set<FindingKind>(['bsn', 'iban', 'big']);

/** The configured categories a finding kind points at. */
export function categoriesForFinding(
  categories: ReadonlyArray<PersonalDataCategory>,
  kind: FindingKind,
): PersonalDataCategory[] {
  return categories.filter(
    (c) =>
      (kind === 'bsn' && c.bsn) ||
      (kind === 'healthTerm' && c.healthTerm === true) ||
      (c.findingKinds ?? []).includes(kind),
  );
}

/** art. 9.1 and seed 004: what the scan finds must match the answers, or the upload is refused (or reviewed). */
export const checkFindings: Rule = ({ input, config }) => {
  const reasons: Reason[] = [];
  const { answers } = input;
  for (const finding of input.findings) {
    if (finding.count <= 0) continue;
    const [nl, en] = KIND_NAMES[finding.kind];
    const strong = STRONG.has(finding.kind);
    const outcome = strong ? 'refused' : 'review';
    const found = { nl: `${finding.count}× ${nl} gevonden`, en: `${finding.count}× ${en} found` };
    if (!answers.containsPersonalData) {
      reasons.push(
        reason(
          strong ? 'finding_contradicts_answer' : 'finding_unconfirmed',
          outcome,
          'art. 9.1; seed 004',
          `${found.nl}, terwijl u 'geen persoonsgegevens' antwoordde`,
          `${found.en}, while you answered 'no personal data'`,
          {
            nl: 'Verwijder of anonimiseer deze gegevens, of beantwoord de vragen over persoonsgegevens.',
            en: 'Remove or anonymise this data, or answer the personal-data questions.',
          },
        ),
      );
      continue;
    }
    const mapped = categoriesForFinding(config.categories, finding.kind);
    if (mapped.some((c) => answers.categories.includes(c.key))) continue;
    const names = mapped.map((c) => c.label).join(' / ');
    reasons.push(
      reason(
        strong ? 'finding_not_declared' : 'finding_not_declared_weak',
        outcome,
        'art. 9.1; seed 004',
        mapped.length > 0
          ? `${found.nl}, maar '${names}' is niet aangegeven`
          : `${found.nl}, maar het register kent daarvoor geen categorie`,
        mapped.length > 0
          ? `${found.en}, but '${names}' was not declared`
          : `${found.en}, but the register has no category for it`,
        {
          nl: 'Verwijder deze gegevens uit het document (streep bijv. het BSN door) of geef de categorie aan.',
          en: 'Remove this data from the document (e.g. strike out the BSN) or declare the category.',
        },
      ),
    );
  }
  return reasons;
};
