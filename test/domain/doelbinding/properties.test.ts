/** Properties of the doelbinding check over generated inputs (fast-check), on every shipped configuration. */
import fc from 'fast-check';
import type { AgreementConfig } from '../../../src/domain/agreement';
import { checkDoelbinding, strictest, type DoelbindingInput } from '../../../src/domain/doelbinding';
import { FINDING_KINDS } from '../../../src/domain/scan/types';
import { shippedConfig, shippedFiles } from '../agreement/shippedConfigs';

/** Generated inputs that mostly use the configuration's own keys, sometimes unknown ones. */
function inputArb(config: AgreementConfig): fc.Arbitrary<DoelbindingInput> {
  const parties = config.parties.map((p) => p.key);
  const levels = [...config.classification.levels, ...config.classification.forbidden].map((l) => l.key);
  return fc.record({
    documentType: fc.constantFrom(...config.documentTypes.map((d) => d.key), 'onbekend'),
    classification: fc.constantFrom(...levels, 'onbekend'),
    findings: fc.array(fc.record({ kind: fc.constantFrom(...FINDING_KINDS), count: fc.nat(5) }), { maxLength: 4 }),
    recipients: fc.subarray(parties, { minLength: 1 }),
    uploaderParty: fc.constantFrom(...parties),
    answers: fc.record({
      containsPersonalData: fc.boolean(),
      activityKey: fc.option(fc.constantFrom(...config.processingActivities.map((a) => a.key)), { nil: undefined }),
      categories: fc.subarray(config.categories.map((c) => c.key)),
      necessity: fc.constantFrom('', 'nodig', 'Strikt noodzakelijk voor de uitvoering van de wettelijke taak.'),
      lessDataPossible: fc.constantFrom(true, false, undefined),
      consentRecorded: fc.option(fc.boolean(), { nil: undefined }),
      consentReference: fc.option(fc.constantFrom('', 'register 12'), { nil: undefined }),
      exceptionalCircumstances: fc.option(fc.constantFrom('', 'acuut gevaar'), { nil: undefined }),
    }),
  });
}

describe.each(shippedFiles())('doelbinding properties on %s', (file) => {
  const config = shippedConfig(file);

  it('the outcome is the strictest reason, and every reason cites a source in both languages', () => {
    fc.assert(
      fc.property(inputArb(config), (input) => {
        const decision = checkDoelbinding(input, config);
        expect(decision.reasons.length).toBeGreaterThan(0);
        expect(decision.outcome).toBe(strictest(decision.reasons));
        for (const r of decision.reasons) {
          expect(r.source.trim()).not.toBe('');
          expect(r.nl.trim()).not.toBe('');
          expect(r.en.trim()).not.toBe('');
        }
      }),
    );
  });

  it('seed 001 §3: "less data would do" always refuses personal data', () => {
    fc.assert(
      fc.property(inputArb(config), (input) => {
        const i = { ...input, answers: { ...input.answers, containsPersonalData: true, lessDataPossible: true } };
        expect(checkDoelbinding(i, config).outcome).toBe('refused');
      }),
    );
  });

  it('a forbidden classification level always refuses', () => {
    if (config.classification.forbidden.length === 0) return;
    fc.assert(
      fc.property(
        inputArb(config),
        fc.constantFrom(...config.classification.forbidden.map((f) => f.key)),
        (input, level) => {
          expect(checkDoelbinding({ ...input, classification: level }, config).outcome).toBe('refused');
        },
      ),
    );
  });

  it('a strong identifier found after "no personal data" always refuses', () => {
    fc.assert(
      fc.property(
        inputArb(config),
        fc.constantFrom('bsn', 'iban', 'big' as const),
        fc.integer({ min: 1, max: 9 }),
        (input, kind, count) => {
          const i = {
            ...input,
            findings: [{ kind, count }],
            answers: { ...input.answers, containsPersonalData: false },
          };
          expect(checkDoelbinding(i, config).outcome).toBe('refused');
        },
      ),
    );
  });
});
