/** The demo documents and register entries of the IGJ–CIBG workbench site (fictitious, marked as examples). */
import type { DocumentMetadata } from '../../src/ports/documents';

/** One demo document: file under workbench/seed/documents/, who shares it, with which metadata. */
export interface DemoDocument {
  file: string;
  uploader: string;
  metadata: DocumentMetadata;
  /** Processing activity whose retention sets BewaarTot (keepUntil), when personal data is involved. */
  retentionFrom?: string;
}

/** Documents the seed shares through the same DocumentStore the dialog uses. */
export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    file: 'Werkafspraak uitwisseling registerinformatie IGJ-CIBG.txt',
    uploader: 'igj-accounthouder',
    metadata: {
      documentType: 'werkafspraak',
      classification: 'intern',
      toetsstatus: 'Toegestaan',
      categories: [],
      party: 'igj',
      confidential: false,
      year: 2025,
    },
  },
  {
    file: 'DVA IGJ-CIBG 2025.txt',
    uploader: 'cibg-accounthouder',
    metadata: {
      documentType: 'dva',
      classification: 'intern',
      toetsstatus: 'Toegestaan',
      categories: [],
      party: 'cibg',
      confidential: false,
      year: 2025,
    },
  },
  {
    file: 'DVA IGJ-CIBG 2026.txt',
    uploader: 'cibg-accounthouder',
    metadata: {
      documentType: 'dva',
      classification: 'intern',
      toetsstatus: 'Toegestaan',
      categories: [],
      party: 'cibg',
      confidential: false,
      year: 2026,
    },
  },
  {
    file: 'Overlegstuk ambtelijk overleg november 2025.txt',
    uploader: 'igj-medewerker',
    metadata: {
      documentType: 'overlegstuk',
      classification: 'intern',
      toetsstatus: 'Toegestaan',
      categories: [],
      party: 'igj',
      confidential: false,
      year: 2025,
    },
  },
  {
    // A real (minimal) Word document, so the browser-side text extraction and scan meet one.
    file: 'Evaluatieplan samenwerkingsovereenkomst 2026.docx',
    uploader: 'cibg-accounthouder',
    metadata: {
      documentType: 'evaluatie',
      classification: 'intern',
      toetsstatus: 'Toegestaan',
      categories: [],
      party: 'cibg',
      confidential: false,
      year: 2026,
    },
  },
  {
    file: 'Signaal vertrouwelijk zorgaanbieder Noord.txt',
    uploader: 'igj-medewerker',
    metadata: {
      documentType: 'signaal',
      classification: 'departementaal-vertrouwelijk',
      toetsstatus: 'Toegestaan',
      activity: 'signalen-big-register',
      categories: ['naw', 'big-gegevens'],
      party: 'igj',
      confidential: true,
      year: 2025,
    },
    retentionFrom: 'signalen-big-register',
  },
];
