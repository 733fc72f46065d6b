/** Site content types with their site columns, and the content types each list offers. */
import { body } from '@pnp/queryable';
import { spPost, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/content-types';
import '@pnp/sp/content-types/list';
import type { IList } from '@pnp/sp/lists';
import type { StepRecorder } from '../report';
import type { ContentTypeSpec, ListSpec } from '../types';
import { statusOf } from './lists';

/** Ensures each site content type exists and links every column of its spec. */
export async function ensureContentTypes(
  sp: SPFI,
  specs: readonly ContentTypeSpec[],
  rec: StepRecorder,
): Promise<void> {
  for (const spec of specs) {
    const ct = sp.web.contentTypes.getById(spec.id);
    try {
      await ct.select('StringId')();
      rec.record('contentType', spec.name, 'unchanged');
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
      await sp.web.contentTypes.add(spec.id, spec.name, spec.description, spec.group);
      rec.record('contentType', spec.name, 'created');
    }
    const links: Array<{ Name: string }> = await ct.fieldLinks.select('Name')();
    for (const field of spec.fields) {
      if (links.some((l) => l.Name === field)) {
        rec.record('contentType', `${spec.name}/${field}`, 'unchanged');
        continue;
      }
      // FieldLinkCreationInformation: link a site column by its internal name.
      await spPost(ct.fieldLinks, body({ FieldInternalName: field }));
      rec.record('contentType', `${spec.name}/${field}`, 'created');
    }
  }
}

/** Adds the list's site content types (which brings their columns to the list), once. */
export async function ensureListContentTypes(list: IList, spec: ListSpec, rec: StepRecorder): Promise<void> {
  if (!spec.contentTypes || spec.contentTypes.length === 0) return;
  const present: Array<{ StringId: string }> = await list.contentTypes.select('StringId')();
  for (const id of spec.contentTypes) {
    // A list's copy of a site content type has the site id plus '00' plus a GUID.
    if (present.some((c) => c.StringId.toUpperCase().startsWith(id.toUpperCase()))) {
      rec.record('contentType', `${spec.title}: ${id}`, 'unchanged');
      continue;
    }
    await list.contentTypes.addAvailableContentType(id);
    rec.record('contentType', `${spec.title}: ${id}`, 'created');
  }
}
