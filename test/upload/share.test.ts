/** The upload orchestrator with in-memory ports: every decision is logged; a file lands complete, flagged, or not at all. */
import { decide, repair, shareFile } from '../../src/upload';
import { LIBRARY } from '../helpers/memoryLibrary';
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
  it('allowed: logs the decision first, then bytes, metadata (ToetsId linking the record) and publish', async () => {
    const { deps, audit, lib } = fakePorts();
    const item = { fileName: 'Verslag.txt', content: bytes, scan: scanWith({}) };
    const decision = decide(deps, form(), item);
    expect(decision.outcome).toBe('allowed');
    const recordedBeforeBytes: number[] = [];
    const put = lib.putFile.bind(lib);
    lib.putFile = async (...args) => {
      recordedBeforeBytes.push(audit.length);
      return put(...args);
    };
    const result = await shareFile(deps, form(), item, decision);
    expect(result).toMatchObject({ state: 'done', reached: 'publish' });
    expect(recordedBeforeBytes).toEqual([1]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ toetsId: 'toets-1', decision: 'toegestaan', fileName: 'Verslag.txt', party: 'igj' });
    expect(audit[0].ruleVersion).toMatch(/doelbinding\/1$/);
    expect(audit[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(lib.files).toHaveLength(1);
    expect(lib.files[0]).toMatchObject({ folder: `${LIBRARY}/Gedeeld-igj`, major: 1, minor: 0 });
    expect(lib.files[0].meta).toMatchObject({ toetsstatus: 'Toegestaan', classification: 'intern', toetsId: 'toets-1' });
    expect(result.metadata).toMatchObject({ toetsId: 'toets-1', party: 'igj', toetsstatus: 'Toegestaan' });
    expect(result.document).toMatchObject({ toetsId: 'toets-1', version: '1.0' });
  });

  it('refused (BSN found while "no personal data"): logged with kinds and counts only, nothing uploaded', async () => {
    const { deps, audit, lib } = fakePorts();
    const item = { fileName: 'Lijst.csv', content: bytes, scan: scanWith({ bsn: 3 }) };
    const decision = decide(deps, form(), item);
    expect(decision.outcome).toBe('refused');
    expect(decision.reasons[0]).toMatchObject({ code: 'finding_contradicts_answer', source: 'art. 9.1; seed 004' });
    const result = await shareFile(deps, form(), item, decision);
    expect(result.state).toBe('refused');
    expect(lib.files).toHaveLength(0);
    expect(lib.calls).toEqual([]);
    expect(audit[0]).toMatchObject({ decision: 'geweigerd', findings: [{ kind: 'bsn', count: 3 }] });
    expect(JSON.stringify(audit[0])).not.toMatch(/positions/);
  });

  it('review (art. 9.2): written with its metadata in the party folder, then handed in to Review-igj', async () => {
    const { deps, audit, lib } = fakePorts();
    lib.unreadable.add(`${LIBRARY}/Review-igj`);
    const f = form({
      classification: 'departementaal-vertrouwelijk',
      answers: { ...personal, activityKey: 'identiteitsverificatie', categories: ['naw', 'identificatie'] },
    });
    const item = { fileName: 'Verificatie.txt', content: bytes, scan: scanWith({ bsn: 1 }) };
    const decision = decide(deps, f, item);
    expect(decision).toMatchObject({ outcome: 'review', reviewParty: 'igj' });
    const result = await shareFile(deps, f, item, decision);
    expect(result).toMatchObject({ state: 'done', reached: 'move', inferred: true });
    expect(result.document?.serverRelativeUrl).toBe(`${LIBRARY}/Review-igj/Verificatie.txt`);
    expect(lib.files).toHaveLength(1);
    expect(lib.files[0]).toMatchObject({ folder: `${LIBRARY}/Review-igj`, major: 0 });
    expect(lib.files[0].meta.toetsstatus).toBe('In review');
    // Metadata first, in the party's own restricted folder; then the move: staff may add to review, not edit there.
    const writes = lib.calls.filter((c) => /^(putFile|writeMetadata|moveFile|publishFile)/.test(c)).map((c) => c.split(' ')[0]);
    expect(writes).toEqual(['putFile', 'writeMetadata', 'moveFile']);
    expect(audit[0]).toMatchObject({ decision: 'review', activity: 'identiteitsverificatie' });
    expect(result.metadata?.retainUntil).toBe('2026-11-23');
  });

  it('restricted level by someone not on the autorisatielijst is refused before any byte (art. 10.1)', async () => {
    const { deps, lib } = fakePorts();
    deps.user = { ...deps.user, groupKeys: ['igj-medewerkers'] };
    const f = form({ classification: 'departementaal-vertrouwelijk' });
    const item = { fileName: 'Geheim.txt', content: bytes, scan: scanWith({}) };
    const decision = decide(deps, f, item);
    expect(decision.outcome).toBe('refused');
    expect(decision.reasons[0]).toMatchObject({ code: 'not_on_autorisatielijst', source: 'art. 10.1' });
    expect((await shareFile(deps, f, item, decision)).state).toBe('refused');
    expect(lib.files).toHaveLength(0);
  });

  it('a Toetslog failure stops the upload: nothing is stored, and the retry logs under the same ToetsId once', async () => {
    const { deps, audit, lib, fail } = fakePorts();
    fail.append = new Error('503 Service Unavailable');
    const item = { fileName: 'Verslag.txt', content: bytes, scan: scanWith({}) };
    const decision = decide(deps, form(), item);
    const first = await shareFile(deps, form(), item, decision);
    expect(first).toMatchObject({ state: 'failed', audited: false });
    expect(first.problems[0].nl).toMatch(/Toetslog.*niets gedeeld/);
    expect(lib.files).toHaveLength(0);
    delete fail.append;
    const second = await shareFile(deps, form(), item, decision, undefined, first);
    expect(second).toMatchObject({ state: 'done', toetsId: first.toetsId });
    expect(audit.map((a) => a.toetsId)).toEqual([first.toetsId]);
  });

  it('the record landing with its answer lost is sent again, found, and not written twice', async () => {
    const { deps, audit, lib, fail } = fakePorts();
    fail.appendLost = 2;
    const item = { fileName: 'Verslag.txt', content: bytes, scan: scanWith({}) };
    const result = await shareFile(deps, form(), item, decide(deps, form(), item));
    expect(result.state).toBe('done');
    expect(audit).toHaveLength(1);
    expect(lib.files).toHaveLength(1);
  });

  it('metadata failing for good leaves it incomplete and flagged Onvolledig; repair completes it without the bytes', async () => {
    const { deps, lib } = fakePorts();
    lib.faults.push({ op: 'writeMetadata', mode: 'fail', times: 3 });
    const item = { fileName: 'B.txt', content: bytes, scan: scanWith({}) };
    const bad = await shareFile(deps, form(), item, decide(deps, form(), item));
    expect(bad).toMatchObject({ state: 'incomplete', reached: 'bytes', attempted: 'metadata' });
    expect(lib.files[0].meta.toetsstatus).toBe('Onvolledig');
    expect(bad.problems[0].nl).toMatch(/classificatie is niet vastgelegd.*Onvolledig.*Te classificeren/);
    const puts = lib.calls.filter((c) => c.startsWith('putFile')).length;
    const fixed = await repair(deps, bad);
    expect(fixed).toMatchObject({ state: 'done', reached: 'publish' });
    expect(lib.calls.filter((c) => c.startsWith('putFile'))).toHaveLength(puts);
    expect(lib.files).toHaveLength(1);
    expect(lib.files[0].meta.toetsstatus).toBe('Toegestaan');
    expect(lib.files[0]).toMatchObject({ major: 1, minor: 0 });
  });

  it('bytes landed with the answer lost and nothing readable after: the retry with `previous` finds them, sends nothing twice', async () => {
    const { deps, audit, lib } = fakePorts();
    lib.faults.push({ op: 'putFile', mode: 'lose' });
    const put = lib.putFile.bind(lib);
    lib.putFile = async (...args) => {
      try {
        return await put(...args);
      } finally {
        // Every read after it fails too: the call ends without knowing whether the bytes landed.
        lib.faults.push({ op: 'fileAt', mode: 'fail', times: 3 });
      }
    };
    const item = { fileName: 'C.txt', content: bytes, scan: scanWith({}) };
    const decision = decide(deps, form(), item);
    const first = await shareFile(deps, form(), item, decision);
    expect(first).toMatchObject({ state: 'failed', attempted: 'bytes', audited: true });
    expect(lib.files).toHaveLength(1);
    const second = await shareFile(deps, form(), item, decision, undefined, first);
    expect(second).toMatchObject({ state: 'done', toetsId: first.toetsId });
    expect(lib.calls.filter((c) => c.startsWith('putFile'))).toHaveLength(1);
    expect(lib.files).toHaveLength(1);
    expect(audit).toHaveLength(1);
  });

  it('a repair of a file whose bytes never landed says "failed": the dialog sends it again', async () => {
    const { deps, lib } = fakePorts();
    lib.faults.push({ op: 'putFile', mode: 'fail', times: 3 });
    const item = { fileName: 'D.txt', content: bytes, scan: scanWith({}) };
    const decision = decide(deps, form(), item);
    const lost = await shareFile(deps, form(), item, decision);
    expect(lost.state).toBe('failed');
    expect(lib.files).toHaveLength(0);
    expect((await repair(deps, { ...lost, state: 'incomplete' })).state).toBe('failed');
    expect((await shareFile(deps, form(), item, decision, undefined, lost)).state).toBe('done');
    expect(lib.files).toHaveLength(1);
  });

  it('a name taken by a file that is not ours is refused before any byte (duplicate)', async () => {
    const { deps, lib } = fakePorts();
    lib.seed({ folder: `${LIBRARY}/Gedeeld-cibg`, name: 'E.txt', authorId: 21 });
    lib.seed({ folder: `${LIBRARY}/Gedeeld-igj`, name: 'F.txt', authorId: 8 });
    for (const name of ['E.txt', 'F.txt']) {
      const item = { fileName: name, content: bytes, scan: scanWith({}) };
      const result = await shareFile(deps, form(), item, decide(deps, form(), item));
      expect(result).toMatchObject({ state: 'failed', problems: [{ nl: expect.stringMatching(/bestaat al/) }] });
    }
    expect(lib.calls.filter((c) => c.startsWith('putFile'))).toEqual([]);
    expect(lib.files).toHaveLength(2);
  });
});
