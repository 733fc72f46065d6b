/** The "Toets" ListView Command Set bound to the exchange library through a list-scoped user custom action. */
import '@pnp/sp/user-custom-actions';
import type { IList } from '@pnp/sp/lists';
import type { StepRecorder } from '../report';
import type { CustomActionSpec } from '../types';

/** A custom action as read back. */
interface ActionRow {
  Id: string;
  Name: string;
  Title: string;
  Location: string;
  ClientSideComponentId: string;
  ClientSideComponentProperties: string;
}

/** Ensures the custom action exists once (matched by component id) with the spec's values. */
export async function ensureCustomAction(
  list: IList,
  spec: CustomActionSpec,
  listTitle: string,
  rec: StepRecorder,
): Promise<void> {
  const rows: ActionRow[] = await list.userCustomActions.select(
    'Id',
    'Name',
    'Title',
    'Location',
    'ClientSideComponentId',
    'ClientSideComponentProperties',
  )();
  const found = rows.find((r) => r.ClientSideComponentId?.toLowerCase() === spec.clientSideComponentId);
  const wanted = {
    Title: spec.title,
    Name: spec.name,
    Location: spec.location,
    ClientSideComponentId: spec.clientSideComponentId,
    ClientSideComponentProperties: spec.clientSideComponentProperties,
  };
  const target = `${listTitle}: ${spec.title}`;
  if (!found) {
    await list.userCustomActions.add(wanted);
    rec.record('customAction', target, 'created');
    return;
  }
  const changed = (Object.keys(wanted) as Array<keyof typeof wanted>).filter(
    (k) => k !== 'ClientSideComponentId' && found[k] !== wanted[k],
  );
  if (changed.length === 0) {
    rec.record('customAction', target, 'unchanged');
  } else {
    await list.userCustomActions.getById(found.Id).update(Object.fromEntries(changed.map((k) => [k, wanted[k]])));
    rec.record('customAction', target, 'updated', changed.join(','));
  }
}
