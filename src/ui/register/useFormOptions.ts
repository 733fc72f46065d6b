import type { AgreementConfig } from '../../domain/agreement/schema';
import { partyForEmail } from '../../domain/agreement/queries';
import type { RegisterKind } from '../../domain/register';
import type { Services } from '../../ports';
import type { LibraryView } from '../../ports/documents';
import { useAsync, type AsyncResult } from '../common/useAsync';
import { useServices } from '../services';

/** Choices the record form offers; each list is empty when the site refused or failed to give it. */
export interface FormOptions {
  /** Earlier records a new version can supersede. */
  records: Array<{ id: number; title: string; version?: string }>;
  /** Held or planned meetings of the bestuurlijk series (art. 13.2). */
  meetings: Array<{ id: number; title: string; date: string; status: string }>;
  /** Documents of the library view that matches the kind (art. 11 werkafspraken, art. 12 DVA's). */
  documents: Array<{ url: string; name: string }>;
  /** Members of the accounthouders group per party key (art. 5). */
  people: Record<string, Array<{ id: number; displayName: string; email: string }>>;
}

/** The library view whose documents a record of this kind links. */
function viewFor(kind: RegisterKind): LibraryView {
  return kind === 'dva' ? 'dva' : kind === 'werkafspraak' ? 'werkafspraken' : 'alle';
}

/** A failed optional load becomes an empty list, so the form still works with typed values. */
async function orEmpty<T>(p: Promise<T>, empty: T): Promise<T> {
  return p.catch(() => empty);
}

/** Loads the form's choices for a kind. */
export async function loadFormOptions(
  services: Services,
  config: AgreementConfig,
  kind: RegisterKind,
): Promise<FormOptions> {
  const bestuurlijk = new Set(config.meetings.filter((m) => m.kind === 'bestuurlijk').map((m) => m.key));
  const groupKey = config.groups.find((g) => g.kind === 'accounthouders')?.key;
  const [records, meetings, documents, members] = await Promise.all([
    orEmpty(
      services.agreements.list('alle').then((p) => p.items),
      [],
    ),
    orEmpty(services.meetings.list(), []),
    orEmpty(
      services.documents.list({ view: viewFor(kind), pageSize: 100 }).then((p) => p.items),
      [],
    ),
    groupKey ? orEmpty(services.site.groupMembers(groupKey), []) : Promise.resolve([]),
  ]);
  const people: FormOptions['people'] = {};
  for (const m of members) {
    const party = partyForEmail(config, m.email)?.key;
    if (party) (people[party] ??= []).push(m);
  }
  return {
    records: records
      .filter((r) => r.id !== undefined)
      .map((r) => ({ id: r.id as number, title: r.title, version: r.version })),
    meetings: meetings
      .filter((m) => bestuurlijk.has(m.series) && m.id !== undefined)
      .map((m) => ({ id: m.id as number, title: m.title, date: m.date, status: m.status })),
    documents: documents.map((d) => ({ url: d.serverRelativeUrl, name: d.name })),
    people,
  };
}

/** Hook form of {@link loadFormOptions}. */
export function useFormOptions(kind: RegisterKind): AsyncResult<FormOptions> {
  const services = useServices();
  return useAsync(() => loadFormOptions(services, services.config, kind), [services, kind]);
}
