/** Shared fixtures of the upload tests: a form, the IGJ uploader and an in-memory Toetslog and library. */
import type { DoelbindingAnswers } from '../../src/domain/doelbinding';
import type { ScanResult } from '../../src/domain/scan';
import type {
  DocumentMetadata,
  DocumentQuery,
  ExchangeDocument,
  Page,
  UploadRequest,
  UploadResult,
} from '../../src/ports/documents';
import type { AuditRecord } from '../../src/ports/registers';
import type { ShareDeps, ShareForm } from '../../src/upload';
import { loadConfigFixture } from '../helpers/config';

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

/** An in-memory library and Toetslog whose methods a test can make fail. */
export function fakePorts(): {
  deps: ShareDeps;
  audit: AuditRecord[];
  docs: ExchangeDocument[];
  fail: { append?: Error; upload?: Error; metadataOnce?: boolean; updateMetadata?: Error; landBeforeFailing?: boolean };
} {
  const audit: AuditRecord[] = [];
  const docs: ExchangeDocument[] = [];
  const fail: ReturnType<typeof fakePorts>['fail'] = {};
  const toDoc = (id: number, name: string, m: Partial<DocumentMetadata>): ExchangeDocument => ({
    id,
    name,
    serverRelativeUrl: `/sites/s/Uitwisseling/${name}`,
    toetsstatus: m.toetsstatus ?? 'Te classificeren',
    categories: m.categories ?? [],
    confidential: m.confidential ?? false,
    created: '',
    modified: '',
    etag: '"1"',
    ...(m.classification ? { classification: m.classification } : {}),
    ...(m.documentType ? { documentType: m.documentType } : {}),
  });
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
      append: async (r) => {
        if (fail.append) throw fail.append;
        if (!audit.some((a) => a.toetsId === r.toetsId)) audit.push(r);
      },
    },
    documents: {
      exists: async (name) => docs.some((d) => d.name === name),
      list: async (q: DocumentQuery): Promise<Page<ExchangeDocument>> => ({
        items:
          q.view === 'te-classificeren'
            ? docs.filter((d) => ['Te classificeren', 'Onvolledig'].includes(d.toetsstatus))
            : docs,
      }),
      upload: async (req: UploadRequest): Promise<UploadResult> => {
        if (fail.upload) {
          if (fail.landBeforeFailing) docs.push(toDoc(docs.length + 1, req.fileName, {}));
          throw fail.upload;
        }
        if (fail.metadataOnce) {
          const d = toDoc(docs.length + 1, req.fileName, { toetsstatus: 'Onvolledig' });
          docs.push(d);
          return { document: d, complete: false, problems: ['metadata: connection reset'] };
        }
        const d = toDoc(docs.length + 1, req.fileName, req.metadata);
        docs.push(d);
        return { document: d, complete: true, problems: [] };
      },
      updateMetadata: async (id, patch) => {
        if (fail.updateMetadata) throw fail.updateMetadata;
        const i = docs.findIndex((d) => d.id === id);
        docs[i] = { ...docs[i], ...toDoc(id, docs[i].name, patch as DocumentMetadata) };
        return docs[i];
      },
    },
  };
  return { deps, audit, docs, fail };
}
