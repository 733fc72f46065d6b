/** Which party a file in the exchange library belongs to (art. 9.2: the sharing party answers for it). Pure. */
import { partyKeyForExactDomain } from '../domain/agreement/queries';
import type { AgreementConfig } from '../domain/agreement/schema';
import type { ExchangeDocument } from '../ports/documents';
import { exchangeFolderList } from '../provisioning/folders';

/** The party whose e-mail domain an address has exactly (configuration `emailDomains`), or null. */
export function partyOfEmail(config: AgreementConfig, email: string | undefined): string | null {
  return partyKeyForExactDomain(email, config.parties);
}

/** The party whose folder (Gedeeld-, Review- or Vertrouwelijk-<party>) holds a file, or null (e.g. the root). */
export function partyOfFolder(config: AgreementConfig, serverRelativeUrl: string | undefined): string | null {
  const parts = serverRelativeUrl?.split('/') ?? [];
  const folder = parts.length >= 2 ? parts[parts.length - 2] : '';
  return exchangeFolderList(config).find((f) => f.name === folder)?.party ?? null;
}

/** Short name of the party that owns a file (see {@link owningParty}), for saying who reads its draft. */
export function owningPartyName(
  config: AgreementConfig,
  doc: Pick<ExchangeDocument, 'party' | 'author'> & Partial<Pick<ExchangeDocument, 'serverRelativeUrl'>>,
): string | undefined {
  const key = owningParty(config, doc);
  return config.parties.find((p) => p.key === key)?.shortName;
}

/**
 * The party a file in the library belongs to: the one recorded on it (an 'Onvolledig' upload has it), else the
 * party whose folder holds it (only that party can add files there), else the party of whoever put it there. Null
 * when none is known.
 */
export function owningParty(
  config: AgreementConfig,
  doc: Pick<ExchangeDocument, 'party' | 'author'> & Partial<Pick<ExchangeDocument, 'serverRelativeUrl'>>,
): string | null {
  return doc.party ?? partyOfFolder(config, doc.serverRelativeUrl) ?? partyOfEmail(config, doc.author?.email);
}
