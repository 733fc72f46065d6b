/** Checks of the agreement record: signatories, publication, effective date (art. 14.1), duration. */
import { addDaysIso } from '../../common/dates';
import { configError, type ConfigError } from '../errors';
import type { AgreementConfig } from '../schema';
import { checkRef } from './helpers';

/** Cross-checks the agreement record against the parties and its own dates. */
export function checkAgreementRecord(config: AgreementConfig, parties: ReadonlySet<string>): ConfigError[] {
  const a = config.agreement;
  const errors: ConfigError[] = [];
  a.signatories.forEach((s, i) =>
    errors.push(
      ...checkRef(parties, s.party, `agreement.signatories[${i}].party`, 'unknown_party', ['partij', 'party']),
    ),
  );
  if (a.supersedes !== undefined && a.supersedes === a.version)
    errors.push(
      configError(
        'agreement.supersedes',
        'supersedes_self',
        'een versie kan zichzelf niet vervangen',
        'a version cannot supersede itself',
      ),
    );
  const published = a.staatscourant?.publishedOn;
  if (published !== undefined && published < a.signedOn)
    errors.push(
      configError(
        'agreement.staatscourant.publishedOn',
        'published_before_signed',
        `publicatie (${published}) ligt vóór ondertekening (${a.signedOn})`,
        `publication (${published}) is before signing (${a.signedOn})`,
      ),
    );
  errors.push(...checkEffective(config));
  if (a.indefinite && a.endsOn !== undefined)
    errors.push(
      configError(
        'agreement.endsOn',
        'end_on_indefinite',
        'een overeenkomst voor onbepaalde tijd heeft geen einddatum',
        'an agreement for an indefinite period has no end date',
      ),
    );
  if (!a.indefinite && a.endsOn === undefined)
    errors.push(
      configError(
        'agreement.endsOn',
        'required',
        'verplicht als indefinite false is',
        'required when indefinite is false',
      ),
    );
  if (a.endsOn !== undefined && a.endsOn <= (a.effectiveFrom ?? a.signedOn))
    errors.push(
      configError(
        'agreement.endsOn',
        'ends_before_start',
        'einddatum ligt niet na de ingangsdatum',
        'end date is not after the start',
      ),
    );
  return errors;
}

/** art. 14.1: in force the day after publication in the Staatscourant; other rules for agreements without one. */
function checkEffective(config: AgreementConfig): ConfigError[] {
  const a = config.agreement;
  const published = a.staatscourant?.publishedOn;
  const path = 'agreement.effectiveFrom';
  if (a.effectiveRule === 'explicit')
    return a.effectiveFrom === undefined
      ? [
          configError(
            path,
            'required',
            "verplicht bij effectiveRule 'explicit'",
            "required with effectiveRule 'explicit'",
          ),
        ]
      : [];
  if (a.effectiveRule === 'onSigning')
    return a.effectiveFrom !== undefined && a.effectiveFrom !== a.signedOn
      ? [
          configError(
            path,
            'effective_mismatch',
            `moet gelijk zijn aan de ondertekening (${a.signedOn}) of weggelaten worden`,
            `must equal the signing date (${a.signedOn}) or be left out`,
          ),
        ]
      : [];
  if (a.effectiveFrom === undefined) return [];
  if (published === undefined)
    return [
      configError(
        path,
        'effective_without_publication',
        'in werking pas de dag na publicatie in de Staatscourant; vul staatscourant.publishedOn in',
        'in force only the day after publication in the Staatscourant; fill in staatscourant.publishedOn',
      ),
    ];
  const expected = addDaysIso(published, 1);
  return a.effectiveFrom === expected
    ? []
    : [
        configError(
          path,
          'effective_mismatch',
          `moet de dag na publicatie zijn (${expected}), niet ${a.effectiveFrom}`,
          `must be the day after publication (${expected}), not ${a.effectiveFrom}`,
        ),
      ];
}
