/**
 * State of one "Delen met toets" dialog: the picked files (checked, scanned in the browser), the answers, the decision
 * per file and the upload results. Nothing is sent before `share()`; refusals are logged when decided.
 */
import * as React from 'react';
import type { Decision } from '../../domain/doelbinding';
import type { ScanProgress, ScanResult } from '../../domain/scan';
import type { Services, SiteUser, UploadProgress } from '../../ports';
import {
  checkPicked,
  decide,
  repair,
  scanPicked,
  shareFile,
  type FileProblem,
  type ReadableFile,
  type ShareDeps,
  type ShareResult,
} from '../../upload';
import { EMPTY_DRAFT, formOf, type Draft } from './draft';

/** One picked file and everything known about it so far. */
export interface FileEntry {
  key: string;
  file: ReadableFile;
  problems: FileProblem[];
  scanning: boolean;
  /** How far the scan is: bytes of a text file, or the page (and its OCR) of a PDF or image. */
  scanProgress?: ScanProgress;
  scan?: ScanResult;
  bytes?: Uint8Array;
  decision?: Decision;
  progress?: UploadProgress;
  busy?: boolean;
  result?: ShareResult;
}

/** answering → decided (decisions shown) → sharing → finished. */
export type Phase = 'answering' | 'decided' | 'sharing' | 'finished';

/** What the dialog renders and calls. */
export interface UploadFlow {
  entries: FileEntry[];
  draft: Draft;
  phase: Phase;
  /** An unexpected error of the last action (the orchestrator reports expected failures per file instead). */
  error: unknown;
  /** Shows an unexpected error of an action. */
  fail: (e: unknown) => void;
  setDraft: (patch: Partial<Draft>) => void;
  addFiles: (files: ReadableFile[]) => void;
  remove: (key: string) => void;
  /** Stops a file's scan; what was not read by then is named, and decides as the configuration says for unread content. */
  cancelScan: (key: string) => void;
  check: () => Promise<void>;
  share: () => Promise<void>;
  retry: (key: string) => Promise<void>;
  reset: () => void;
}

let counter = 0;

/**
 * The result of a scan that failed: nothing read, said plainly (the decision treats it as unread). The technical
 * message stays in `reason` (for the Toetslog and support), out of the sentence the person reads.
 */
function scanFailed(e: unknown): ScanResult {
  const detail = e instanceof Error && e.message ? ` (${e.message})` : '';
  const nl = 'de scan is mislukt';
  const en = 'the scan failed';
  return { findings: [], scannedChars: 0, unsupported: { reason: `${nl} / ${en}${detail}`, code: 'damaged', nl, en } };
}

/** The dialog's state machine over the orchestrator (src/upload). */
export function useUploadFlow(services: Services, user: SiteUser, initial: ReadableFile[]): UploadFlow {
  const { config } = services;
  const [entries, setEntries] = React.useState<FileEntry[]>([]);
  const [draft, setDraftState] = React.useState<Draft>(EMPTY_DRAFT);
  const [phase, setPhase] = React.useState<Phase>('answering');
  const [error, setError] = React.useState<unknown>(undefined);
  const entriesRef = React.useRef(entries);
  entriesRef.current = entries;
  /** The running scans, to stop one (the person's choice, or the file left out). */
  const scans = React.useRef(new Map<string, AbortController>());
  const deps: ShareDeps = React.useMemo(
    () => ({ config, documents: services.documents, audit: services.audit, user }),
    [config, services.documents, services.audit, user],
  );

  const update = React.useCallback((key: string, patch: Partial<FileEntry>) => {
    setEntries((all) => all.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  }, []);

  /** Re-checks every entry's name and size (duplicates across picks too), then scans the acceptable new ones. */
  const addFiles = React.useCallback(
    (files: ReadableFile[]) => {
      if (files.length === 0) return;
      const added = files.map((file) => ({ key: `f${++counter}`, file, problems: [], scanning: true }));
      const all = [...entriesRef.current, ...added];
      setEntries(all);
      setPhase('answering');
      void (async () => {
        const problems = await checkPicked(
          config,
          services.documents,
          all.map((e) => e.file),
        ).catch(() => all.map(() => []));
        setEntries((now) =>
          now.map((e) => ({ ...e, problems: problems[all.findIndex((a) => a.key === e.key)] ?? e.problems })),
        );
        for (const [i, entry] of added.entries()) {
          if (problems[all.length - added.length + i].length > 0) {
            update(entry.key, { scanning: false });
            continue;
          }
          const controller = new AbortController();
          scans.current.set(entry.key, controller);
          const picked = await scanPicked(config, entry.file, {
            signal: controller.signal,
            onProgress: (scanProgress) => update(entry.key, { scanProgress }),
          }).catch(async (e: unknown) => ({
            // a scan that failed read nothing: it decides as an unread file, never as "nothing found"
            bytes: new Uint8Array(await entry.file.arrayBuffer()),
            scan: scanFailed(e),
          }));
          scans.current.delete(entry.key);
          update(entry.key, { ...picked, scanning: false, scanProgress: undefined });
        }
      })();
    },
    [config, services.documents, update],
  );

  React.useEffect(() => addFiles(initial), []); // eslint-disable-line react-hooks/exhaustive-deps
  // a closed dialog stops its scans (OCR would go on in the background otherwise)
  React.useEffect(() => {
    const running = scans.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  const setDraft = React.useCallback((patch: Partial<Draft>) => {
    setDraftState((d) => ({ ...d, ...patch }));
    // Changed answers void the decisions: the person checks again before anything is sent.
    setPhase((p) => (p === 'decided' ? 'answering' : p));
    setEntries((all) => all.map((e) => (e.result ? e : { ...e, decision: undefined })));
  }, []);

  const cancelScan = React.useCallback((key: string) => scans.current.get(key)?.abort(), []);

  const remove = React.useCallback((key: string) => {
    scans.current.get(key)?.abort();
    setEntries((all) => all.filter((e) => e.key !== key));
  }, []);

  const check = React.useCallback(async () => {
    setError(undefined);
    const form = formOf(config, draft, user.party);
    const ready = entriesRef.current.filter((e) => e.problems.length === 0 && !e.result);
    for (const e of ready) {
      const decision = decide(deps, form, {
        fileName: e.file.name,
        content: e.bytes ?? new Uint8Array(),
        scan: e.scan,
      });
      update(e.key, { decision });
      if (decision.outcome === 'refused') {
        // Every decision is kept (AVG art. 5(2)); a refusal is final for these answers, so it is logged now.
        update(e.key, { busy: true });
        const result = await shareFile(
          deps,
          form,
          { fileName: e.file.name, content: new Uint8Array(), scan: e.scan },
          decision,
        );
        update(e.key, { busy: false, ...(result.state === 'failed' ? { result } : {}) });
      }
    }
    setPhase('decided');
  }, [config, deps, draft, update, user.party]);

  const run = React.useCallback(
    async (e: FileEntry, previous?: ShareResult) => {
      if (!e.decision || !e.bytes) return;
      update(e.key, { busy: true, progress: undefined });
      const result = await shareFile(
        deps,
        formOf(config, draft, user.party),
        { fileName: e.file.name, content: e.bytes, scan: e.scan },
        e.decision,
        (progress) => update(e.key, { progress }),
        previous,
      );
      update(e.key, { busy: false, result });
    },
    [config, deps, draft, update, user.party],
  );

  const share = React.useCallback(async () => {
    setError(undefined);
    setPhase('sharing');
    try {
      for (const e of entriesRef.current) {
        if (e.problems.length === 0 && !e.result && e.decision && e.decision.outcome !== 'refused') await run(e);
      }
    } catch (e) {
      setError(e);
    }
    setPhase('finished');
  }, [run]);

  const retry = React.useCallback(
    async (key: string) => {
      const e = entriesRef.current.find((x) => x.key === key);
      if (!e?.result) return;
      if (e.result.state === 'incomplete') {
        update(key, { busy: true });
        update(key, { busy: false, result: await repair(deps, e.result) });
      } else if (e.result.state === 'failed') await run(e, e.result);
    },
    [deps, run, update],
  );

  const reset = React.useCallback(() => {
    scans.current.forEach((c) => c.abort());
    setError(undefined);
    setEntries([]);
    setDraftState(EMPTY_DRAFT);
    setPhase('answering');
  }, []);

  return { entries, draft, phase, error, fail: setError, setDraft, addFiles, remove, cancelScan, check, share, retry, reset };
}
