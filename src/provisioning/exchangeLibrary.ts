/** The exchange library (uitwisselingsbibliotheek): columns, indexes and views (art. 9.5, 11, 12). */
import type { AgreementConfig } from '../domain/agreement/schema';
import { anyOf, cmp, eq, groupBy, orderBy, where } from './caml';
import { DOC, EXCHANGE_CONTENT_TYPE_ID, TOETSSTATUS } from './names';
import { exchangeFolders, exchangeRootGrants } from './permissions';
import type { FieldSpec, ListSpec, ViewSpec } from './types';

/** Page size of every library view: SharePoint pages; the dashboard asks the same size. */
export const VIEW_ROW_LIMIT = 30;

/** Columns shown in most library views. */
const COMMON_VIEW_FIELDS = [
  'DocIcon',
  'LinkFilename',
  DOC.documentType,
  DOC.classification,
  DOC.party,
  DOC.recipients,
  DOC.toetsstatus,
  'Modified',
  'Editor',
];

/** The library's columns, choices taken from the configuration (site columns of the Uitwisselingsdocument type). */
export function exchangeFields(config: AgreementConfig): FieldSpec[] {
  return [
    {
      name: DOC.documentType,
      kind: 'choice',
      indexed: true,
      choices: config.documentTypes.map((t) => t.key),
      description: 'Soort stuk (werkafspraak art. 11, DVA art. 12, …)',
    },
    {
      name: DOC.classification,
      kind: 'choice',
      indexed: true,
      choices: config.classification.levels.map((l) => l.key),
      description: 'Rubricering (art. 9.3, 10.1)',
    },
    {
      name: DOC.toetsstatus,
      kind: 'choice',
      indexed: true,
      choices: TOETSSTATUS,
      defaultValue: 'Te classificeren',
      description: 'Uitkomst van de doelbindingstoets; standaard "Te classificeren" vangt uploads buiten de toets',
    },
    { name: DOC.activity, kind: 'text', description: 'Verwerkingsactiviteit uit het register (doelbinding, art. 8)' },
    {
      name: DOC.categories,
      kind: 'multichoice',
      choices: config.categories.map((c) => c.key),
      description: 'Categorieën persoonsgegevens',
    },
    {
      name: DOC.party,
      kind: 'choice',
      indexed: true,
      choices: config.parties.map((p) => p.key),
      description: 'Partij die het stuk deelt',
    },
    {
      name: DOC.recipients,
      kind: 'multichoice',
      choices: config.parties.map((p) => p.key),
      description: 'Partijen waarmee het stuk gedeeld is (art. 8, 9.5); de map van het stuk bepaalt wie het leest',
    },
    { name: DOC.year, kind: 'number', indexed: true, description: 'Jaar (DVA per jaar, art. 12)' },
    { name: DOC.retainUntil, kind: 'datetime', indexed: true, description: 'Bewaren tot (bewaartermijn)' },
    {
      name: DOC.confidential,
      kind: 'boolean',
      indexed: true,
      defaultValue: '0',
      description: 'Vertrouwelijke informatie (art. 10.2)',
    },
    { name: DOC.uploader, kind: 'user', indexed: true, description: 'Wie het stuk via de toets deelde' },
    {
      name: DOC.toetsId,
      kind: 'text',
      indexed: true,
      description: 'Verwijzing naar het toetsrecord in de Toetslog (AVG art. 5(2))',
    },
    {
      name: DOC.reviewNote,
      kind: 'note',
      description: 'Toelichting van de privacy officer bij goedkeuren of afwijzen (art. 9.2)',
    },
  ];
}

/** Keys of the document types a configuration places in a view (art. 11 werkafspraken, art. 12 DVA). */
function typesFor(config: AgreementConfig, view: 'werkafspraken' | 'dva'): string[] {
  return config.documentTypes.filter((t) => t.view === view).map((t) => t.key);
}

/** The library views; each filters on an indexed column first and pages by {@link VIEW_ROW_LIMIT}. */
function exchangeViews(config: AgreementConfig): ViewSpec[] {
  const views: ViewSpec[] = [
    {
      title: 'Alle documenten',
      isDefault: true,
      // Unfiltered: ordered by the indexed Modified column so the first page comes straight from the index.
      query: orderBy(['Modified', false]),
      fields: COMMON_VIEW_FIELDS,
      rowLimit: VIEW_ROW_LIMIT,
      firstIndexed: 'Modified',
    },
  ];
  const werkafspraken = typesFor(config, 'werkafspraken');
  if (werkafspraken.length > 0) {
    views.push({
      title: 'Werkafspraken',
      query: where(anyOf(DOC.documentType, 'Choice', werkafspraken)) + orderBy(['Modified', false]),
      fields: COMMON_VIEW_FIELDS,
      rowLimit: VIEW_ROW_LIMIT,
      firstIndexed: DOC.documentType,
    });
  }
  const dva = typesFor(config, 'dva');
  if (dva.length > 0) {
    views.push({
      title: "DVA's",
      query: where(anyOf(DOC.documentType, 'Choice', dva)) + groupBy(DOC.year, false) + orderBy(['Modified', false]),
      fields: [...COMMON_VIEW_FIELDS, DOC.year],
      rowLimit: VIEW_ROW_LIMIT,
      firstIndexed: DOC.documentType,
    });
  }
  views.push(
    {
      title: 'Te classificeren',
      // Native uploads keep the default status; incomplete uploads are flagged 'Onvolledig'.
      query: where(anyOf(DOC.toetsstatus, 'Choice', ['Te classificeren', 'Onvolledig'])) + orderBy(['Modified', false]),
      fields: [...COMMON_VIEW_FIELDS, 'Author'],
      rowLimit: VIEW_ROW_LIMIT,
      firstIndexed: DOC.toetsstatus,
    },
    {
      title: 'In review',
      query: where(eq(DOC.toetsstatus, 'Choice', 'In review')) + orderBy(['Modified', true]),
      fields: [...COMMON_VIEW_FIELDS, DOC.uploader, DOC.toetsId],
      rowLimit: VIEW_ROW_LIMIT,
      firstIndexed: DOC.toetsstatus,
    },
    {
      title: 'Vertrouwelijk',
      query: where(cmp('Eq', DOC.confidential, 'Boolean', '1')) + orderBy(['Modified', false]),
      fields: [...COMMON_VIEW_FIELDS, DOC.confidential],
      rowLimit: VIEW_ROW_LIMIT,
      firstIndexed: DOC.confidential,
    },
    {
      title: 'Bewaartermijn verlopen',
      query: where(cmp('Lt', DOC.retainUntil, 'DateTime', '<Today/>')) + orderBy([DOC.retainUntil, true]),
      fields: [...COMMON_VIEW_FIELDS, DOC.retainUntil],
      rowLimit: VIEW_ROW_LIMIT,
      firstIndexed: DOC.retainUntil,
    },
    {
      title: 'Mijn gedeelde stukken',
      query: where(cmp('Eq', 'Author', 'Integer', '<UserID/>', true)) + orderBy(['Modified', false]),
      fields: COMMON_VIEW_FIELDS,
      rowLimit: VIEW_ROW_LIMIT,
      firstIndexed: 'Author',
    },
  );
  return views;
}

/** The exchange library spec. */
export function exchangeLibrary(config: AgreementConfig): ListSpec {
  return {
    key: 'exchange',
    title: config.space.exchangeLibraryTitle,
    description: `Uitwisseling onder ${config.agreement.shortTitle} (art. 9.5)`,
    template: 101,
    // The columns arrive with the content type; the list copy carries the indexes (indexes are per list).
    fields: exchangeFields(config).map((f) => ({ ...f, fromContentType: true })),
    contentTypes: [EXCHANGE_CONTENT_TYPE_ID],
    indexBuiltIn: ['Author', 'Modified'],
    // Views show files in every folder the user may read (shared, review and restricted folders, art. 9.2, 10.1).
    views: exchangeViews(config).map((v) => ({ ...v, recursive: true })),
    folders: exchangeFolders(config),
    // Staff only read at the root: any upload, also one around the dialog, lands in a folder of the uploader's party.
    uniquePermissions: exchangeRootGrants(config),
    versioning: true,
    // A file is a draft only its own party reads until the check publishes it, also when uploaded around the dialog.
    drafts: true,
  };
}
