/** Command ids of the "Toets" command set, as in ToetsCommandSet.manifest.json. */
export const COMMANDS = {
  /** "Delen met toets": share new files through the classification + doelbinding dialog (art. 8, 9, 10). */
  delen: 'DELEN_MET_TOETS',
  /** "Datalek melden": report a data breach (datalek) about the selected documents (art. 9.6, annex 2). */
  datalek: 'DATALEK_MELDEN',
} as const;

/** A selected document of the exchange library, as the list view reports it. */
export interface SelectedDocument {
  /** List item id. */
  id: number;
  /** File name (FileLeafRef). */
  name: string;
  /** Server-relative URL (FileRef). */
  serverRelativeUrl: string;
}

/** One selected row: the list view's values, read by internal name. */
export interface SelectedRowLike {
  /** The value of a field by its internal name; list views report every value as a string. */
  getValueByName(internalName: string): unknown;
}

/** Which commands are enabled for a selection: the pure rule, so it is testable without SPFx. */
export interface CommandStates {
  /** Sharing takes NEW files (picked in the dialog): files already in the library are shared already. */
  delen: boolean;
  /** A datalek report is about documents: one or more files, no folders. */
  datalek: boolean;
}

/** Reads a selected row as a document; undefined for folders (FSObjType 1) and rows without an id. */
export function toSelectedDocument(row: SelectedRowLike): SelectedDocument | undefined {
  if (String(row.getValueByName('FSObjType')) === '1') return undefined;
  const id = Number(row.getValueByName('ID'));
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return {
    id,
    name: String(row.getValueByName('FileLeafRef') ?? ''),
    serverRelativeUrl: String(row.getValueByName('FileRef') ?? ''),
  };
}

/** The enabled state of both commands for the current selection. */
export function commandStates(rows: ReadonlyArray<SelectedRowLike>): CommandStates {
  const documents = rows.map(toSelectedDocument);
  return {
    delen: rows.length === 0,
    datalek: rows.length > 0 && documents.every((d) => d !== undefined),
  };
}
