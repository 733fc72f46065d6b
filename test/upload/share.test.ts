/** The upload orchestrator with in-memory ports: every decision is logged; a file lands complete, flagged, or not at all. */
import { UploadRefusedError } from '../../src/ports/documents';
import { decide, repair, shareFile } from '../../src/upload';
import { fakePorts, form, scanWith } from './fixtures';

const bytes = new TextEncoder().encode('Verslag ambtelijk overleg');
const personal = {
  containsPersonalData: true,
  activityKey: 'registerinformatie-toezicht',
  categories: ['naw', 'big-gegevens'],
  necessity: 'Nodig om de registratie van deze zorgverlener te toetsen bij het toezicht.',
  lessDataPossible: false,
};

describe('shareFile', () => {
  it('allowed: logs the decision first, then uploads with metadata (Toegestaan, ToetsId linking the record)', async () => {
    const { deps, audit, docs } = fakePorts();
    const item = { fileName: 'Verslag.txt', content: bytes, scan: scanWith({}) };
    const decision = decide(deps, form(), item);
    expect(decision.outcome).toBe('allowed');
    const result = await shareFile(deps, form(), item, decision);
    expect(result.state).toBe('done');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      toetsId: 'toets-1',
      decision: 'toegestaan',
      fileName: 'Verslag.txt',
      party: 'igj',
    });
    expect(audit[0].ruleVersion).toMatch(/doelbinding\/1$/);
    expect(docs[0]).toMatchObject({ name: 'Verslag.txt', toetsstatus: 'Toegestaan', classification: 'intern' });
    expect(result.metadata).toMatchObject({ toetsId: 'toets-1', party: 'igj', toetsstatus: 'Toegestaan' });
  });

  it('refused (BSN found while "no personal data"): logged with kinds and counts only, nothing uploaded', async () => {
    const { deps, audit, docs } = fakePorts();
    const item = { fileName: 'Lijst.csv', content: bytes, scan: scanWith({ bsn: 3 }) };
    const decision = decide(deps, form(), item);
    expect(decision.outcome).toBe('refused');
    expect(decision.reasons[0]).toMatchObject({ code: 'finding_contradicts_answer', source: 'art. 9.1; seed 004' });
    const result = await shareFile(deps, form(), item, decision);
    expect(result.state).toBe('refused');
    expect(docs).toHaveLength(0);
    expect(audit[0]).toMatchObject({ decision: 'geweigerd', findings: [{ kind: 'bsn', count: 3 }] });
    expect(JSON.stringify(audit[0])).not.toMatch(/positions/);
  });

  it('review (BSN category, art. 9.2): stored as In review, party set, decision names the reviewing party', async () => {
    const { deps, audit, docs } = fakePorts();
    const f = form({
      classification: 'departementaal-vertrouwelijk',
      answers: { ...personal, activityKey: 'identiteitsverificatie', categories: ['naw', 'identificatie'] },
    });
    const item = { fileName: 'Verificatie.txt', content: bytes, scan: scanWith({ bsn: 1 }) };
    const decision = decide(deps, f, item);
    expect(decision).toMatchObject({ outcome: 'review', reviewParty: 'igj' });
    const result = await shareFile(deps, f, item, decision);
    expect(result.state).toBe('done');
    expect(docs[0].toetsstatus).toBe('In review');
    expect(audit[0]).toMatchObject({ decision: 'review', activity: 'identiteitsverificatie' });
    expect(result.metadata?.retainUntil).toBe('2026-11-23');
  });

  it('restricted level by someone not on the autorisatielijst is refused before any byte (art. 10.1)', async () => {
    const { deps, docs } = fakePorts();
    deps.user = { ...deps.user, groupKeys: ['igj-medewerkers'] };
    const f = form({ classification: 'departementaal-vertrouwelijk' });
    const item = { fileName: 'Geheim.txt', content: bytes, scan: scanWith({}) };
    const decision = decide(deps, f, item);
    expect(decision.outcome).toBe('refused');
    expect(decision.reasons[0]).toMatchObject({ code: 'not_on_autorisatielijst', source: 'art. 10.1' });
    expect((await shareFile(deps, f, item, decision)).state).toBe('refused');
    expect(docs).toHaveLength(0);
  });

  it('a Toetslog failure stops the upload: nothing is stored, and the retry logs under the same ToetsId once', async () => {
    const { deps, audit, docs, fail } = fakePorts();
    fail.append = new Error('503 Service Unavailable');
    const item = { fileName: 'Verslag.txt', content: bytes, scan: scanWith({}) };
    const decision = decide(deps, form(), item);
    const first = await shareFile(deps, form(), item, decision);
    expect(first).toMatchObject({ state: 'failed', audited: false });
    expect(first.problems[0].nl).toMatch(/Toetslog.*niets gedeeld/);
    expect(docs).toHaveLength(0);
    delete fail.append;
    const second = await shareFile(deps, form(), item, decision, undefined, first);
    expect(second).toMatchObject({ state: 'done', toetsId: first.toetsId });
    expect(audit.map((a) => a.toetsId)).toEqual([first.toetsId]);
  });

  it('metadata failing once is repaired at once; failing for good leaves it incomplete with a visible flag', async () => {
    const { deps, docs, fail } = fakePorts();
    fail.metadataOnce = true;
    const item = { fileName: 'A.txt', content: bytes, scan: scanWith({}) };
    const ok = await shareFile(deps, form(), item, decide(deps, form(), item));
    expect(ok.state).toBe('done');
    expect(docs[0].toetsstatus).toBe('Toegestaan');

    fail.updateMetadata = new Error('connection reset');
    const item2 = { fileName: 'B.txt', content: bytes, scan: scanWith({}) };
    const bad = await shareFile(deps, form(), item2, decide(deps, form(), item2));
    expect(bad.state).toBe('incomplete');
    expect(docs[1].toetsstatus).toBe('Onvolledig');
    expect(bad.problems[0].nl).toMatch(/Onvolledig.*Te classificeren/);
    delete fail.updateMetadata;
    const fixed = await repair(deps, bad);
    expect(fixed.state).toBe('done');
    expect(docs[1].toetsstatus).toBe('Toegestaan');
  });

  it('an error after the bytes landed finds the flagged item and completes it; before landing it is "failed"', async () => {
    const { deps, docs, fail } = fakePorts();
    fail.upload = new Error('socket hang up');
    fail.landBeforeFailing = true;
    const item = { fileName: 'C.txt', content: bytes, scan: scanWith({}) };
    const landed = await shareFile(deps, form(), item, decide(deps, form(), item));
    expect(landed.state).toBe('done');
    expect(docs[0].toetsstatus).toBe('Toegestaan');

    fail.landBeforeFailing = false;
    const item2 = { fileName: 'D.txt', content: bytes, scan: scanWith({}) };
    const lost = await shareFile(deps, form(), item2, decide(deps, form(), item2));
    expect(lost.state).toBe('failed');
    expect(docs.map((d) => d.name)).toEqual(['C.txt']);
  });

  it('a refusal by the store (duplicate, not on the autorisatielijst) is reported with its message, nothing stored', async () => {
    const { deps, docs, fail } = fakePorts();
    fail.upload = new UploadRefusedError('duplicate', "'E.txt' bestaat al in Uitwisseling; kies een andere naam.");
    const item = { fileName: 'E.txt', content: bytes, scan: scanWith({}) };
    const result = await shareFile(deps, form(), item, decide(deps, form(), item));
    expect(result).toMatchObject({ state: 'failed', problems: [{ nl: expect.stringMatching(/bestaat al/) }] });
    expect(docs).toHaveLength(0);
  });
});
