/**
 * Shared by the traces of a list item's SharePoint versions (src/datalek/trace.ts, src/domain/register/trace.ts): one
 * line per version as SharePoint recorded it, and how a name typed into an item is compared with the version's Editor.
 */

/** Who saved a version, as SharePoint recorded it. */
export interface VersionEditor {
  id: number;
  displayName: string;
  email?: string;
}

/** One version of an item, as a trace shows it: label, when, by whom, its status and what it changed. */
export interface VersionLine<C extends string> {
  label: string;
  modified: string;
  editor?: VersionEditor;
  status: string;
  changes: C[];
  /** Its content could not be read: what it changed is unknown. */
  unreadable: boolean;
}

/** The line of a version. */
export function versionLine<C extends string>(
  v: { label: string; modified: string; editor?: VersionEditor; status: string },
  changes: C[],
  unreadable: boolean,
): VersionLine<C> {
  return { label: v.label, modified: v.modified, ...(v.editor ? { editor: v.editor } : {}), status: v.status, changes, unreadable };
}

/** A typed name against SharePoint's display name: the same whatever the case and the spaces around it. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
