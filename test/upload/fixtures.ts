/** Shared fixtures of the upload tests: a form, the IGJ uploader and an in-memory Toetslog and library. */
import type { DoelbindingAnswers } from '../../src/domain/doelbinding';
import type { ScanResult } from '../../src/domain/scan';
import type { AuditRecord } from '../../src/ports/registers';
import type { ShareDeps, ShareForm } from '../../src/upload';
import { loadConfigFixture } from '../helpers/config';
import { lostAnswer, memoryLibrary, type MemoryLibrary } from '../helpers/memoryLibrary';

/** The shipped IGJ–CIBG configuration. */
export const config = loadConfigFixture();

/** Answers for a document without personal data. */
export const noPersonalData: DoelbindingAnswers = {
  containsPersonalData: false,
  categories: [],
  necessity: '',
  lessDataPossible: undefined,
};

/** A form: overlegstuk, intern, no personal data unless overridden. */
export function form(over: Partial<ShareForm> = {}): ShareForm {
  return {
    documentType: 'overlegstuk',
    classification: 'intern',
    confidential: false,
    answers: noPersonalData,
    ...over,
  };
}

/**
 * The form of a file that goes to review (art. 9.2): departementaal vertrouwelijk, BSN declared for identity
 * verification, which the IGJ–CIBG configuration escalates to the sharing party's privacy officer.
 */
export function reviewForm(): ShareForm {
  return form({
    classification: 'departementaal-vertrouwelijk',
    answers: {
      containsPersonalData: true,
      activityKey: 'identiteitsverificatie',
      categories: ['naw', 'identificatie'],
      necessity: 'Nodig om de identiteit van de zorgverlener vast te stellen.',
      lessDataPossible: false,
    },
  });
}

/** A scan result with the given counts per kind. */
export function scanWith(counts: Partial<Record<'bsn' | 'email' | 'iban', number>>): ScanResult {
  return {
    findings: Object.entries(counts).map(([kind, count]) => ({
      kind: kind as 'bsn',
      count: count ?? 0,
      positions: [],
    })),
    scannedChars: 100,
  };
}

/** An in-memory library (test/helpers/memoryLibrary.ts) and Toetslog; the Toetslog's append can be made to fail. */
export function fakePorts(): {
  deps: ShareDeps;
  audit: AuditRecord[];
  lib: MemoryLibrary;
  fail: { append?: Error; appendLost?: number };
} {
  const audit: AuditRecord[] = [];
  const lib = memoryLibrary(config, { userId: 7 });
  const fail: ReturnType<typeof fakePorts>['fail'] = {};
  const deps: ShareDeps = {
    config,
    user: {
      id: 7,
      displayName: 'Sanne de Vries',
      email: 'sanne.devries@igj.example',
      party: 'igj',
      groupKeys: ['igj-medewerkers', 'igj-vertrouwelijk'],
    },
    now: () => new Date('2026-11-23T10:00:00Z'),
    newId: () => `toets-${audit.length + 1}`,
    audit: {
      // Like PnpAuditLog.append: looks the ToetsId up first, so a retry after a lost answer adds nothing.
      append: async (r) => {
        if (fail.append) throw fail.append;
        if (!audit.some((a) => a.toetsId === r.toetsId)) audit.push(r);
        if (fail.appendLost && fail.appendLost-- > 0) throw lostAnswer('append');
      },
    },
    documents: lib,
  };
  return { deps, audit, lib, fail };
}
