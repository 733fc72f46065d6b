/**
 * Checks document metadata against the configuration before anything is written. SharePoint's REST item update does
 * not enforce a choice column's choices, so a stale or forged value would otherwise be stored silently.
 */
import { hasRecipientFolder } from '../../domain/agreement/recipients';
import type { AgreementConfig } from '../../domain/agreement/schema';
import { UploadRefusedError, type DocumentMetadata } from '../../ports/documents';
import { TOETSSTATUS } from '../../provisioning/names';

/** Throws {@link UploadRefusedError} ('invalid-metadata') naming the first field whose value the configuration lacks. */
export function checkMetadata(config: AgreementConfig, m: DocumentMetadata): void {
  const fail = (field: string, value: unknown, where: string): never => {
    throw new UploadRefusedError('invalid-metadata', {
      nl: `${field} '${String(value)}' komt niet voor in de configuratie (${where}); kies een geldige waarde of vraag de beheerder de configuratie na te kijken.`,
      en: `${field} '${String(value)}' is not in the configuration (${where}); choose a valid value or ask the administrator to check the configuration.`,
    });
  };
  if (!config.documentTypes.some((t) => t.key === m.documentType))
    fail('Documenttype', m.documentType, 'documentTypes');
  if (!config.classification.levels.some((l) => l.key === m.classification)) {
    fail('Classificatie', m.classification, 'classification.levels, art. 9.3');
  }
  if (!(TOETSSTATUS as readonly string[]).includes(m.toetsstatus))
    fail('Toetsstatus', m.toetsstatus, TOETSSTATUS.join(', '));
  if (!config.parties.some((p) => p.key === m.party)) fail('Partij', m.party, 'parties');
  for (const r of m.recipients ?? [])
    if (r === m.party || !config.parties.some((p) => p.key === r)) fail('Ontvanger', r, 'parties, art. 8');
  if (m.recipients && !hasRecipientFolder(config, m.party, m.recipients)) {
    throw new UploadRefusedError('invalid-metadata', {
      nl:
        `Ontvangers '${m.recipients.join(', ')}': de site heeft geen map met precies deze lezers; kies de ontvangers ` +
        'van een doel uit het verwerkingsregister (art. 8, 9.5).',
      en:
        `Recipients '${m.recipients.join(', ')}': the site has no folder with exactly these readers; choose the ` +
        'recipients of a purpose from the processing register (art. 8, 9.5).',
    });
  }
  for (const c of m.categories) if (!config.categories.some((x) => x.key === c)) fail('Categorie', c, 'categories');
  if (m.activity && !config.processingActivities.some((a) => a.key === m.activity)) {
    fail('Verwerkingsactiviteit', m.activity, 'processingActivities, art. 8');
  }
  if (m.year !== undefined && !(Number.isInteger(m.year) && m.year >= 1990 && m.year <= 2200))
    fail('Jaar', m.year, '1990–2200');
  if (m.retainUntil !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(m.retainUntil))
    fail('BewaarTot', m.retainUntil, 'JJJJ-MM-DD');
}
