/** The doelbinding check: one table row per rule, each naming the article or seed it enforces. */
import type { AgreementConfig } from '../../../src/domain/agreement';
import { checkDoelbinding, type Decision, type DoelbindingInput, type Outcome } from '../../../src/domain/doelbinding';
import { shippedConfig } from '../agreement/shippedConfigs';
import { igjCibgInput, NECESSITY } from './inputs';

const igjCibg = shippedConfig('igj-cibg.json');
const cjg = shippedConfig('cjg-rijnmond.json');
const igjOm = shippedConfig('igj-om.json');

interface Row {
  rule: string;
  config: AgreementConfig;
  input: DoelbindingInput;
  outcome: Outcome;
  code: string;
  source: RegExp;
}

/** The CJG Rijnmond input: research data with consent for the cohort study. */
function cjgInput(
  answers: Partial<DoelbindingInput['answers']> = {},
  overrides: Partial<DoelbindingInput> = {},
): DoelbindingInput {
  return {
    documentType: 'onderzoeksdata',
    classification: 'vertrouwelijk',
    findings: [],
    recipients: ['awj'],
    uploaderParty: 'cjg-rijnmond',
    ...overrides,
    answers: {
      containsPersonalData: true,
      activityKey: 'cohortonderzoek',
      categories: ['geboortedatum', 'jgz-medisch'],
      necessity: 'Groeicurves zijn nodig om de onderzoeksvraag over overgewicht te beantwoorden.',
      lessDataPossible: false,
      consentRecorded: true,
      consentReference: 'toestemmingsregister 2025-118',
      ...answers,
    },
  };
}

/** The IGJ–OM input: an aangifte to the OM. */
function omInput(
  answers: Partial<DoelbindingInput['answers']> = {},
  overrides: Partial<DoelbindingInput> = {},
): DoelbindingInput {
  return {
    documentType: 'aangifte',
    classification: 'departementaal-vertrouwelijk',
    findings: [],
    recipients: ['om'],
    uploaderParty: 'igj',
    ...overrides,
    answers: {
      containsPersonalData: true,
      activityKey: 'aangifte',
      categories: ['naw', 'toezichtsbevindingen'],
      necessity: 'Zonder de bevindingen is geen zinvolle aangifte mogelijk (art. 162 Sv).',
      lessDataPossible: false,
      ...answers,
    },
  };
}

const rows: Row[] = [
  // art. 8 + seed 003 annex 1: a purpose from the register
  {
    rule: 'art. 8: personal data without a purpose refuses',
    config: igjCibg,
    input: igjCibgInput({}, { activityKey: undefined }),
    outcome: 'refused',
    code: 'purpose_missing',
    source: /art\. 8; seed 003 bijlage 1/,
  },
  {
    rule: 'seed 003 bijlage 1: a purpose not in the register refuses',
    config: igjCibg,
    input: igjCibgInput({}, { activityKey: 'marketing' }),
    outcome: 'refused',
    code: 'purpose_unknown',
    source: /bijlage 1/,
  },
  {
    rule: 'seed 003 bijlage 1: a category outside the purpose refuses',
    config: igjCibg,
    input: igjCibgInput({}, { categories: ['naw', 'betaalgegevens'] }),
    outcome: 'refused',
    code: 'category_outside_purpose',
    source: /bijlage 1/,
  },
  {
    rule: 'seed 003 bijlage 1: a recipient outside the purpose refuses',
    config: igjCibg,
    input: igjCibgInput({ recipients: ['igj'], uploaderParty: 'cibg' }),
    outcome: 'refused',
    code: 'recipient_outside_purpose',
    source: /bijlage 1/,
  },
  {
    rule: 'seed 001 §3: personal data without categories refuses',
    config: igjCibg,
    input: igjCibgInput({ findings: [] }, { categories: [] }),
    outcome: 'refused',
    code: 'categories_missing',
    source: /seed 001 §3/,
  },
  {
    rule: 'art. 8: an unknown category refuses',
    config: igjCibg,
    input: igjCibgInput({}, { categories: ['naw', 'big-gegevens', 'schoenmaat'] }),
    outcome: 'refused',
    code: 'category_unknown',
    source: /art\. 8/,
  },
  // art. 9.2: escalation to the privacy officer
  {
    rule: 'art. 9.2 / AVG art. 9: special categories escalate to review',
    config: igjCibg,
    input: igjCibgInput(
      { classification: 'departementaal-vertrouwelijk', findings: [{ kind: 'healthTerm', count: 2 }] },
      { activityKey: 'signalen-big-register', categories: ['naw', 'gezondheid'] },
    ),
    outcome: 'review',
    code: 'escalate_special',
    source: /art\. 9\.2; AVG art\. 9/,
  },
  {
    rule: 'art. 9.2 / seed 004: the BSN escalates to review',
    config: igjCibg,
    input: igjCibgInput(
      { classification: 'departementaal-vertrouwelijk', findings: [{ kind: 'bsn', count: 1 }] },
      { activityKey: 'identiteitsverificatie', categories: ['naw', 'identificatie'] },
    ),
    outcome: 'review',
    code: 'escalate_bsn',
    source: /art\. 9\.2; seed 004/,
  },
  {
    rule: 'art. 9.2 / AVG art. 10: criminal data escalates to review',
    config: igjCibg,
    input: igjCibgInput(
      { classification: 'departementaal-vertrouwelijk' },
      { categories: ['naw', 'big-gegevens', 'tucht-strafrecht'] },
    ),
    outcome: 'review',
    code: 'escalate_criminal',
    source: /AVG art\. 10/,
  },
  {
    rule: 'seed 004: data of children escalates where the configuration says so',
    config: cjg,
    input: cjgInput({ activityKey: 'groeimonitor', categories: ['geboortedatum'] }, { classification: 'intern' }),
    outcome: 'review',
    code: 'escalate_children',
    source: /seed 004/,
  },
  // blocked categories
  {
    rule: "seed 002: 'wilsafhankelijk materiaal' never goes to the OM",
    config: igjOm,
    input: omInput({ categories: ['naw', 'wilsafhankelijk-materiaal'] }),
    outcome: 'refused',
    code: 'category_blocked',
    source: /seed 002/,
  },
  {
    rule: 'seed 001 §II.3: the BSN never goes to the research partner',
    config: cjg,
    input: cjgInput({ categories: ['geboortedatum', 'bsn'] }),
    outcome: 'refused',
    code: 'category_blocked',
    source: /seed 001 §II\.3/,
  },
  // necessity and subsidiarity
  {
    rule: 'seed 001 §3: "less data would do" refuses with advice to minimise',
    config: igjCibg,
    input: igjCibgInput({}, { lessDataPossible: true }),
    outcome: 'refused',
    code: 'less_data_possible',
    source: /seed 001 §3/,
  },
  {
    rule: 'art. 8 / seed 001 §3: the subsidiarity question must be answered',
    config: igjCibg,
    input: igjCibgInput({}, { lessDataPossible: undefined }),
    outcome: 'refused',
    code: 'less_data_unanswered',
    source: /seed 001 §3/,
  },
  {
    rule: 'art. 9.1: a necessity justification is required',
    config: igjCibg,
    input: igjCibgInput({}, { necessity: '  ' }),
    outcome: 'refused',
    code: 'necessity_missing',
    source: /art\. 9\.1/,
  },
  {
    rule: 'art. 9.1: a one-word justification is not enough',
    config: igjCibg,
    input: igjCibgInput({}, { necessity: 'nodig' }),
    outcome: 'refused',
    code: 'necessity_too_short',
    source: /art\. 9\.1/,
  },
  // consent
  {
    rule: 'seed 001 §II.1: medical data without consent refuses',
    config: cjg,
    input: cjgInput({ consentRecorded: false, consentReference: undefined }),
    outcome: 'refused',
    code: 'consent_missing',
    source: /seed 001 §II\.1/,
  },
  {
    rule: 'seed 001 §II.1: a recorded consent needs its reference',
    config: cjg,
    input: cjgInput({ consentReference: ' ' }),
    outcome: 'refused',
    code: 'consent_reference_missing',
    source: /seed 001 §II\.1/,
  },
  {
    rule: 'seed 001 §II.1: an emergency without consent goes to review',
    config: cjg,
    input: cjgInput({
      consentRecorded: false,
      consentReference: undefined,
      exceptionalCircumstances: 'Acuut gevaar voor het kind; ouders onbereikbaar.',
    }),
    outcome: 'review',
    code: 'consent_exception',
    source: /seed 001 §II\.1/,
  },
  {
    rule: 'seed 002: medical data to the OM without consent or exceptional circumstances refuses',
    config: igjOm,
    input: omInput({ categories: ['naw', 'medische-gegevens'] }),
    outcome: 'refused',
    code: 'consent_missing',
    source: /seed 002/,
  },
  {
    rule: 'seed 002: medical data with consent of the secret-keeper is still always reviewed',
    config: igjOm,
    input: omInput({
      categories: ['naw', 'medische-gegevens'],
      consentRecorded: true,
      consentReference: 'brief zorgverlener 12-3',
    }),
    outcome: 'review',
    code: 'always_review',
    source: /seed 002/,
  },
  {
    rule: 'seed 002: medical data in very exceptional circumstances goes to review',
    config: igjOm,
    input: omInput({
      categories: ['naw', 'medische-gegevens'],
      exceptionalCircumstances: 'Ernstige bedreiging van cliëntveiligheid (art. 25 lid 4 Wkkgz).',
    }),
    outcome: 'review',
    code: 'consent_exception',
    source: /seed 002/,
  },
  // classification
  {
    rule: 'art. 9.3 / VIR-BI: a state-secret level is never stored',
    config: igjCibg,
    input: igjCibgInput(
      { classification: 'stg-geheim', findings: [] },
      { containsPersonalData: false, categories: [], activityKey: undefined },
    ),
    outcome: 'refused',
    code: 'classification_forbidden',
    source: /VIR-BI/,
  },
  {
    rule: 'art. 10.1: classification below the minimum of a present category refuses',
    config: igjCibg,
    input: igjCibgInput({ classification: 'openbaar' }),
    outcome: 'refused',
    code: 'classification_below_minimum',
    source: /art\. 9\.3/,
  },
  {
    rule: 'art. 10.1: criminal data below Departementaal Vertrouwelijk refuses',
    config: igjCibg,
    input: igjCibgInput({ classification: 'intern' }, { categories: ['naw', 'big-gegevens', 'tucht-strafrecht'] }),
    outcome: 'refused',
    code: 'classification_below_minimum',
    source: /art\. 10\.1/,
  },
  {
    rule: 'art. 9.3: an unknown level refuses',
    config: igjCibg,
    input: igjCibgInput({ classification: 'geheimpje' }),
    outcome: 'refused',
    code: 'classification_unknown',
    source: /art\. 9\.3/,
  },
  // scan findings against the answers
  {
    rule: 'art. 9.1 / seed 004: a BSN found after "no personal data" refuses',
    config: igjCibg,
    input: igjCibgInput(
      { findings: [{ kind: 'bsn', count: 2 }] },
      { containsPersonalData: false, categories: [], activityKey: undefined },
    ),
    outcome: 'refused',
    code: 'finding_contradicts_answer',
    source: /seed 004/,
  },
  {
    rule: 'art. 9.1: an e-mail address found after "no personal data" goes to review',
    config: igjCibg,
    input: igjCibgInput(
      { findings: [{ kind: 'email', count: 1 }] },
      { containsPersonalData: false, categories: [], activityKey: undefined },
    ),
    outcome: 'review',
    code: 'finding_unconfirmed',
    source: /art\. 9\.1/,
  },
  {
    rule: 'art. 9.1 / seed 004: a BSN found but not declared refuses',
    config: igjCibg,
    input: igjCibgInput({ findings: [{ kind: 'bsn', count: 1 }] }),
    outcome: 'refused',
    code: 'finding_not_declared',
    source: /seed 004/,
  },
  {
    rule: 'art. 9.1: an IBAN found where the register knows no category for it refuses',
    config: cjg,
    input: cjgInput({}, { findings: [{ kind: 'iban', count: 1 }] }),
    outcome: 'refused',
    code: 'finding_not_declared',
    source: /art\. 9\.1/,
  },
  {
    rule: 'art. 8: "no personal data" with categories chosen refuses',
    config: igjCibg,
    input: igjCibgInput({ findings: [] }, { containsPersonalData: false, categories: ['naw'] }),
    outcome: 'refused',
    code: 'answers_inconsistent',
    source: /art\. 8/,
  },
  // DPIA
  {
    rule: 'AVG art. 35 / seed 001 §II.2: a purpose with a planned DPIA goes to review',
    config: cjg,
    input: cjgInput(
      {
        activityKey: 'groeimonitor',
        categories: ['groeigegevens'],
        consentRecorded: false,
        consentReference: undefined,
      },
      { classification: 'intern' },
    ),
    outcome: 'review',
    code: 'dpia_pending',
    source: /AVG art\. 35/,
  },
  // references
  {
    rule: 'art. 11, 12: an unknown document type refuses',
    config: igjCibg,
    input: igjCibgInput({ documentType: 'tweet' }),
    outcome: 'refused',
    code: 'document_type_unknown',
    source: /art\. 11/,
  },
  {
    rule: 'art. 10.1: an uploader outside the parties refuses',
    config: igjCibg,
    input: igjCibgInput({ uploaderParty: 'extern' }),
    outcome: 'refused',
    code: 'uploader_not_party',
    source: /art\. 10\.1/,
  },
  {
    rule: 'art. 8: a recipient outside the parties refuses',
    config: igjCibg,
    input: igjCibgInput({ recipients: ['cibg', 'om'] }),
    outcome: 'refused',
    code: 'recipient_unknown',
    source: /art\. 8/,
  },
  {
    rule: 'art. 8: sharing with nobody refuses',
    config: igjCibg,
    input: igjCibgInput({ recipients: [] }),
    outcome: 'refused',
    code: 'recipient_missing',
    source: /art\. 8/,
  },
];

/** The reason with this code, failing the test with the whole decision when absent. */
function reasonOf(decision: Decision, code: string) {
  const found = decision.reasons.find((r) => r.code === code);
  if (!found) throw new Error(`no reason ${code} in ${JSON.stringify(decision.reasons.map((r) => r.code))}`);
  return found;
}

describe('checkDoelbinding', () => {
  it.each(rows.map((r) => [r.rule, r] as const))('%s', (_rule, row) => {
    const decision = checkDoelbinding(row.input, row.config);
    expect(decision.outcome).toBe(row.outcome);
    const r = reasonOf(decision, row.code);
    expect(r.outcome).toBe(row.outcome);
    expect(r.source).toMatch(row.source);
  });

  it('art. 8: a document within its purpose, with necessity and minimisation answered, is allowed with its legal basis', () => {
    const decision = checkDoelbinding(igjCibgInput(), igjCibg);
    expect(decision.outcome).toBe('allowed');
    expect(reasonOf(decision, 'legal_basis').nl).toContain('AVG art. 6(1)(e); Wet BIG');
  });

  it('art. 8: a document without personal data and without findings is allowed', () => {
    const input = igjCibgInput(
      { findings: [], documentType: 'werkafspraak' },
      { containsPersonalData: false, categories: [], activityKey: undefined, necessity: '' },
    );
    const decision = checkDoelbinding(input, igjCibg);
    expect(decision.outcome).toBe('allowed');
    expect(decision.reasons.map((r) => r.code)).toEqual(['no_personal_data']);
  });

  it('seed 001 §II.1: with consent recorded the cohort data passes the consent rule (children still escalate)', () => {
    const decision = checkDoelbinding(cjgInput(), cjg);
    expect(reasonOf(decision, 'consent_recorded').outcome).toBe('allowed');
    expect(decision.outcome).toBe('review');
    expect(decision.reasons.filter((r) => r.outcome === 'refused')).toEqual([]);
  });

  it("art. 9.2: a review goes to the sharing party's privacy officer; other outcomes name no reviewer", () => {
    const review = checkDoelbinding(
      igjCibgInput(
        { classification: 'departementaal-vertrouwelijk' },
        { categories: ['naw', 'big-gegevens', 'tucht-strafrecht'] },
      ),
      igjCibg,
    );
    expect(review.reviewParty).toBe('igj');
    expect(checkDoelbinding(igjCibgInput(), igjCibg).reviewParty).toBeUndefined();
  });

  it('art. 9.2: escalation defaults can be turned off by configuration', () => {
    const relaxed: AgreementConfig = {
      ...igjCibg,
      rules: {
        ...igjCibg.rules,
        reviewEscalationDefaults: { special: true, bsn: true, criminal: false, children: false },
      },
    };
    const input = igjCibgInput(
      { classification: 'departementaal-vertrouwelijk' },
      { categories: ['naw', 'big-gegevens', 'tucht-strafrecht'] },
    );
    expect(checkDoelbinding(input, igjCibg).outcome).toBe('review');
    const decision = checkDoelbinding(input, relaxed);
    expect(decision.outcome).toBe('allowed');
    expect(decision.reasons.some((r) => r.code === 'escalate_criminal')).toBe(false);
  });

  it('a declared BSN finding raises no finding reason', () => {
    const input = igjCibgInput(
      { classification: 'departementaal-vertrouwelijk', findings: [{ kind: 'bsn', count: 1 }] },
      { activityKey: 'identiteitsverificatie', categories: ['naw', 'identificatie'] },
    );
    expect(checkDoelbinding(input, igjCibg).reasons.filter((r) => r.code.startsWith('finding_'))).toEqual([]);
  });

  it('seed 001 §3: refusing for "less data" carries advice to minimise in both languages', () => {
    const r = reasonOf(checkDoelbinding(igjCibgInput({}, { lessDataPossible: true }), igjCibg), 'less_data_possible');
    expect(r.advice?.nl).toMatch(/Minimaliseer/);
    expect(r.advice?.en).toMatch(/Minimise/);
  });

  it('art. 9.1: a date that may be a birth date after "no personal data" goes to review, not refusal', () => {
    const input = igjCibgInput(
      { findings: [{ kind: 'birthdate', count: 1 }] },
      { containsPersonalData: false, categories: [], activityKey: undefined },
    );
    const decision = checkDoelbinding(input, igjCibg);
    expect(decision.outcome).toBe('review');
    expect(reasonOf(decision, 'finding_unconfirmed').nl).toBe(
      "1× geboortedatum gevonden, terwijl u 'geen persoonsgegevens' antwoordde",
    );
  });

  it('findings name the kind and count, never a value', () => {
    const r = reasonOf(
      checkDoelbinding(
        igjCibgInput(
          { findings: [{ kind: 'bsn', count: 3 }] },
          { containsPersonalData: false, categories: [], activityKey: undefined },
        ),
        igjCibg,
      ),
      'finding_contradicts_answer',
    );
    expect(r.nl).toBe("3× BSN gevonden, terwijl u 'geen persoonsgegevens' antwoordde");
    expect(r.en).toBe("3× BSN found, while you answered 'no personal data'");
  });

  it('reasons come strictest first and the decision names its rule version', () => {
    const decision = checkDoelbinding(
      igjCibgInput({ classification: 'openbaar' }, { categories: ['naw', 'big-gegevens', 'tucht-strafrecht'] }),
      igjCibg,
    );
    const order = decision.reasons.map((r) => r.outcome);
    expect(order).toEqual([...order].sort((a, b) => rank(b) - rank(a)));
    expect(decision.ruleVersion).toBe('igj-cibg@2025-06+doelbinding/1');
  });

  it('keeps the necessity text out of the reasons (it may hold personal data)', () => {
    const decision = checkDoelbinding(igjCibgInput({ classification: 'openbaar' }), igjCibg);
    for (const r of decision.reasons) expect(`${r.nl} ${r.en}`).not.toContain(NECESSITY);
  });
});

/** Severity rank of an outcome. */
function rank(o: Outcome): number {
  return o === 'refused' ? 2 : o === 'review' ? 1 : 0;
}
