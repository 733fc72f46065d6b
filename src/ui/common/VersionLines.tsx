import * as React from 'react';
import type { VersionLine } from '../../domain/common/versionTrace';
import { format } from '../../loc/text';
import { useStrings } from '../services';

/** Props of {@link VersionLines}. */
export interface VersionLinesProps<C extends string> {
  lines: VersionLine<C>[];
  /** What one version changed, in words ('' when nothing the trace compares changed). */
  changes(line: VersionLine<C>): string;
  /** Said of a version that changed nothing the trace compares, and of one whose content could not be read. */
  nothing: string;
  unreadable: string;
  className?: string;
  'data-testid'?: string;
}

/**
 * An item's versions as SharePoint recorded them, newest first, one line each: "Versie 2.0, <when>, <Editor>: <what
 * it changed>" (the breach report's and the register record's traces, src/ui/datalekRegister/ReportTrace.tsx and
 * src/ui/register/RecordTrace.tsx).
 */
export function VersionLines<C extends string>(props: VersionLinesProps<C>): React.ReactElement {
  const t = useStrings();
  const locale = t.lang === 'en' ? 'en-GB' : 'nl-NL';
  return (
    <ol className={props.className} data-testid={props['data-testid']}>
      {props.lines.map((line) => (
        <li key={line.label} data-version={line.label}>
          {format(t.traceLine, {
            label: line.label,
            when: new Date(line.modified).toLocaleString(locale),
            who: line.editor?.displayName || t.traceNobody,
            changes: line.unreadable ? props.unreadable : props.changes(line) || props.nothing,
          })}
        </li>
      ))}
    </ol>
  );
}
