/** The "Concept" marker of a document whose current version is a draft (a minor version, only its party reads it). */
import * as React from 'react';
import { Pill } from '../common/light';
import { format } from '../../loc/text';
import { useStrings } from '../services';

/** True when a SharePoint version label ('0.1', '1.2') is a draft: only the file's own party reads it. */
export function isDraftVersion(version: string | undefined): boolean {
  const minor = version?.split('.')[1];
  return minor !== undefined && minor !== '0';
}

/** Props of {@link DraftBadge}. */
export interface DraftBadgeProps {
  version?: string;
  /** Short name of the party that owns the file (the only one that reads the draft). */
  party: string;
}

/** A small badge after the status; nothing for a published version (a light pill: the Overzicht shows it first). */
export function DraftBadge(props: DraftBadgeProps): React.ReactElement | null {
  const t = useStrings();
  if (!isDraftVersion(props.version)) return null;
  return (
    <Pill tone="warning" data-testid="draft-badge" title={format(t.docDraftTitle, { version: props.version ?? '', party: props.party })}>
      {t.docDraft}
    </Pill>
  );
}
