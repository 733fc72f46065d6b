/** prefillDatalek and recipientsFor: reporter from /me, controller and data from the documents (bijlage 1), addresses (art. 9.6, bijlage 2a). */
import { prefillDatalek, recipientsFor, validateDatalek } from '../../../src/domain/datalek';
import { fixtureConfig } from '../../fixtures/cards/agreement';
import { NOW } from '../../fixtures/cards/report';

const config = fixtureConfig();
const me = {
  displayName: 'Sanne de Vries',
  jobTitle: 'Inspecteur',
  mail: 'sanne.devries@igj.example',
  businessPhones: ['+31 88 120 5100'],
};

describe('prefillDatalek', () => {
  it('fills the reporting party and contact from /me and the e-mail domain (bijlage 2b, Meldende partij)', () => {
    const { draft } = prefillDatalek({ me, config, documents: [], now: NOW });
    expect(draft).toMatchObject({
      reportingParty: 'igj',
      reportingOrganisation: 'Inspectie Gezondheidszorg en Jeugd',
      contactName: 'Sanne de Vries',
      contactFunction: 'Inspecteur',
      contactPhone: '+31 88 120 5100',
      contactEmail: 'sanne.devries@igj.example',
      reportedAt: NOW.toISOString(),
      breachDate: '',
      discoveredAt: '',
      status: 'gemeld aan wederpartij',
    });
  });

  it("derives controller, affected data and data subjects from the documents' processing activity (seed 003 bijlage 1, art. 8.2)", () => {
    const { draft, notes } = prefillDatalek({
      me,
      myParty: 'igj',
      config,
      documents: [
        {
          activityKey: 'tucht-signalen',
          categories: ['big-nummer', 'gezondheid'],
          id: '17',
          name: 'a.docx',
          url: 'https://x.test/17',
        },
      ],
      now: NOW,
    });
    expect(draft.controllerParty).toBe('cibg');
    expect(draft.affectedPersonalData).toBe(
      'BIG-nummer; Gegevens over gezondheid (bijzonder persoonsgegeven (AVG art. 9))',
    );
    expect(draft.affectedDataSubjects).toBe('BIG-geregistreerde zorgverleners; Patiënten');
    expect(draft.documents).toEqual([
      {
        id: '17',
        name: 'a.docx',
        url: 'https://x.test/17',
        activityKey: 'tucht-signalen',
        categories: ['big-nummer', 'gezondheid'],
      },
    ]);
    expect(draft.scaleFiles).toBe(1);
    expect(notes).toEqual([]);
  });

  it("uses the activity's categories when the document records none", () => {
    const { draft } = prefillDatalek({ me, config, documents: [{ activityKey: 'registerinzage' }], now: NOW });
    expect(draft.affectedPersonalData).toBe('Naam- en adresgegevens; BIG-nummer');
  });

  it("gives the other party's breach address and 1st and 2nd contact with phone numbers (art. 9.6, bijlage 2a)", () => {
    const { inform, recipients } = prefillDatalek({
      me,
      config,
      documents: [{ activityKey: 'tucht-signalen' }],
      now: NOW,
    });
    expect(inform).toHaveLength(1);
    expect(inform[0]).toMatchObject({ party: 'cibg', breachAddress: 'CIBGDatalekregister@minvws.nl' });
    expect(inform[0].contacts.map((c) => [c.order, c.name, c.phone])).toEqual([
      [1, 'Johan Smit', '+31 70 340 7000'],
      [2, 'Lotte Visser', '+31 70 340 7001'],
    ]);
    expect(recipients.map((r) => [r.role, r.email])).toEqual([
      ['breachAddress', 'CIBGDatalekregister@minvws.nl'],
      ['contact1', 'johan.smit@cibg.example'],
      ['contact2', 'lotte.visser@cibg.example'],
    ]);
  });

  it('notes documents with different controllers and unknown activities', () => {
    const { draft, notes } = prefillDatalek({
      me,
      config,
      documents: [
        { activityKey: 'inspectiebevindingen' },
        { activityKey: 'tucht-signalen' },
        { activityKey: 'bestaat-niet' },
      ],
      now: NOW,
    });
    expect(notes.map((n) => n.code).sort()).toEqual(['multiple_controllers', 'unknown_activity']);
    expect(draft.controllerParty).toBe('cibg');
  });

  it('notes a user of no party; the draft then does not validate until a party is chosen', () => {
    const { draft, notes } = prefillDatalek({
      me: { displayName: 'Olaf', mail: 'olaf@extern.example' },
      config,
      documents: [],
      now: NOW,
    });
    expect(notes.map((n) => n.code)).toContain('unknown_party');
    expect(draft.reportingParty).toBe('');
    const r = validateDatalek(draft, NOW, config);
    expect(r.ok).toBe(false);
  });
});

describe('recipientsFor', () => {
  it('informs the controller when the reporter is not the controller (seed 003 art. 8.2)', () => {
    expect(recipientsFor({ reportingParty: 'cibg', controllerParty: 'igj' }, config).map((r) => r.email)).toEqual([
      'privacy@igj.nl',
      'fatima.elamrani@igj.example',
      'pieter.bakker@igj.example',
    ]);
  });

  it('informs the other party when the reporter is itself the controller (art. 9.6 "informeert de ander")', () => {
    expect(recipientsFor({ reportingParty: 'cibg', controllerParty: 'cibg' }, config).map((r) => r.party)).toEqual([
      'igj',
      'igj',
      'igj',
    ]);
  });

  it('never lists an address twice, whatever its case', () => {
    const c = fixtureConfig();
    c.parties[1].contacts[0].email = 'cibgdatalekregister@MINVWS.nl';
    expect(recipientsFor({ reportingParty: 'igj', controllerParty: 'cibg' }, c).map((r) => r.role)).toEqual([
      'breachAddress',
      'contact2',
    ]);
  });
});
