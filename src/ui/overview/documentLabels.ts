import type { AgreementConfig } from '../../domain/agreement/schema';
import type { ExchangeDocument } from '../../ports/documents';
import { owningPartyName } from '../../review/owner';

/** A document row as the overview shows it: configuration keys turned into the labels people know. */
export interface DocumentRow {
  id: number;
  name: string;
  url: string;
  documentType?: string;
  classification?: string;
  /** True when the classification level is restricted (art. 10.1: autorisatielijst only). */
  restricted: boolean;
  party?: string;
  toetsstatus: string;
  modified: string;
  /** SharePoint version label; a minor version is a draft only the owning party reads. */
  version?: string;
  /** Short name of the party that owns the file (recorded, or from its party folder): the reader of a draft. */
  owner?: string;
}

/** Maps a stored document to its row; an unknown key is shown as stored, so nothing is hidden. */
export function documentRow(config: AgreementConfig, d: ExchangeDocument): DocumentRow {
  const level = config.classification.levels.find((l) => l.key === d.classification);
  return {
    id: d.id,
    name: d.name,
    url: d.serverRelativeUrl,
    documentType: config.documentTypes.find((x) => x.key === d.documentType)?.label ?? d.documentType,
    classification: level?.label ?? d.classification,
    restricted: level?.restricted ?? false,
    party: config.parties.find((p) => p.key === d.party)?.shortName ?? d.party,
    toetsstatus: d.toetsstatus,
    modified: d.modified,
    ...(d.version ? { version: d.version } : {}),
    owner: owningPartyName(config, d),
  };
}
