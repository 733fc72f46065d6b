/** Lists and libraries: created when missing, settings (description, versioning, item-level security) reconciled. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import type { IList } from '@pnp/sp/lists';
import type { StepRecorder } from '../report';
import type { ListSpec } from '../types';

/** HTTP status of a PnPjs error, if any. */
export function statusOf(e: unknown): number | undefined {
  return typeof e === 'object' && e !== null && 'status' in e ? Number((e as { status: unknown }).status) : undefined;
}

/** Ensures one list exists with the spec's settings; returns its handle. */
export async function ensureList(sp: SPFI, spec: ListSpec, rec: StepRecorder): Promise<IList> {
  const list = sp.web.lists.getByTitle(spec.title);
  const settings: Record<string, unknown> = {
    Description: spec.description,
    EnableVersioning: spec.versioning,
    ...(spec.drafts ? { EnableMinorVersions: true, DraftVersionVisibility: 1 } : {}),
    ...(spec.readSecurity ? { ReadSecurity: spec.readSecurity } : {}),
    ...(spec.writeSecurity ? { WriteSecurity: spec.writeSecurity } : {}),
  };
  let row: Record<string, unknown>;
  try {
    row = await list.select('Id', 'BaseTemplate', ...Object.keys(settings))();
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
    await sp.web.lists.add(spec.title, spec.description, spec.template, false, settings);
    rec.record('list', spec.title, 'created');
    return list;
  }
  if (row.BaseTemplate !== spec.template) {
    throw new Error(`'${spec.title}' bestaat al met sjabloon ${String(row.BaseTemplate)}, verwacht ${spec.template}.`);
  }
  const changed = Object.keys(settings).filter((k) => row[k] !== settings[k]);
  if (changed.length === 0) {
    rec.record('list', spec.title, 'unchanged');
  } else {
    await list.update(Object.fromEntries(changed.map((k) => [k, settings[k]])));
    rec.record('list', spec.title, 'updated', changed.join(','));
  }
  return list;
}
