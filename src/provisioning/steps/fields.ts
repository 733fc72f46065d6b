/** Columns and indexes of one list: created when missing, reconciled (choices, index, description) when present. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import type { IFields } from '@pnp/sp/fields';
import type { StepRecorder } from '../report';
import type { FieldKind, FieldSpec } from '../types';

/** SharePoint TypeAsString per schema kind, to detect a column created with another type by hand. */
const TYPE_AS_STRING: Record<FieldKind, string[]> = {
  text: ['Text'],
  note: ['Note'],
  choice: ['Choice'],
  multichoice: ['MultiChoice'],
  number: ['Number'],
  datetime: ['DateTime'],
  boolean: ['Boolean'],
  user: ['User'],
  lookup: ['Lookup'],
  url: ['URL'],
};

/** OData type name used for MERGE updates (avoids an extra GET per update in PnPjs). */
const ODATA_TYPE: Record<FieldKind, string> = {
  text: 'SP.FieldText',
  note: 'SP.FieldMultiLineText',
  choice: 'SP.FieldChoice',
  multichoice: 'SP.FieldMultiChoice',
  number: 'SP.FieldNumber',
  datetime: 'SP.FieldDateTime',
  boolean: 'SP.Field',
  user: 'SP.FieldUser',
  lookup: 'SP.FieldLookup',
  url: 'SP.FieldUrl',
};

/** A field as read back from SharePoint. */
interface FieldRow {
  InternalName: string;
  TypeAsString: string;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  Description: string | null;
  Choices?: string[];
  DefaultValue: string | null;
}

/** Creates one field with the PnPjs helper for its kind. */
async function createField(sp: SPFI, fields: IFields, spec: FieldSpec): Promise<void> {
  const common = {
    Description: spec.description,
    Required: spec.required ?? false,
    Indexed: spec.indexed ?? false,
    EnforceUniqueValues: spec.unique ?? false,
    ...(spec.defaultValue !== undefined ? { DefaultValue: spec.defaultValue } : {}),
    ...(spec.group ? { Group: spec.group } : {}),
  };
  switch (spec.kind) {
    case 'text':
      await fields.addText(spec.name, { ...common, MaxLength: 255 });
      return;
    case 'note':
      await fields.addMultilineText(spec.name, {
        ...common,
        RichText: false,
        AllowHyperlink: false,
        NumberOfLines: 6,
      });
      return;
    case 'choice':
      await fields.addChoice(spec.name, {
        ...common,
        Choices: [...(spec.choices ?? [])],
        EditFormat: 0,
        FillInChoice: false,
      });
      return;
    case 'multichoice':
      await fields.addMultiChoice(spec.name, {
        ...common,
        Choices: [...(spec.choices ?? [])],
        FillInChoice: false,
      });
      return;
    case 'number':
      await fields.addNumber(spec.name, common);
      return;
    case 'datetime':
      await fields.addDateTime(spec.name, { ...common, DisplayFormat: spec.withTime ? 1 : 0 });
      return;
    case 'boolean':
      await fields.addBoolean(spec.name, common);
      return;
    case 'user':
      await fields.addUser(spec.name, { ...common, SelectionMode: 0 });
      return;
    case 'url':
      await fields.addUrl(spec.name, common);
      return;
    case 'lookup': {
      const target = await sp.web.lists.getByTitle(spec.lookupList as string).select('Id')();
      await fields.addLookup(spec.name, {
        Title: spec.name,
        LookupListId: target.Id,
        LookupFieldName: spec.lookupField ?? 'Title',
      });
      if (spec.description)
        await fields.getByInternalNameOrTitle(spec.name).update({ Description: spec.description }, ODATA_TYPE.lookup);
      return;
    }
  }
}

/** What differs between a field's spec and its state, as a MERGE body (empty when equal). */
function diff(spec: FieldSpec, row: FieldRow): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (Boolean(spec.indexed) !== row.Indexed) patch.Indexed = Boolean(spec.indexed);
  if (Boolean(spec.unique) !== row.EnforceUniqueValues) patch.EnforceUniqueValues = Boolean(spec.unique);
  if ((row.Description ?? '') !== spec.description) patch.Description = spec.description;
  if (spec.choices && JSON.stringify(row.Choices ?? []) !== JSON.stringify(spec.choices))
    patch.Choices = [...spec.choices];
  if (spec.defaultValue !== undefined && (row.DefaultValue ?? '') !== spec.defaultValue)
    patch.DefaultValue = spec.defaultValue;
  return patch;
}

/** Where columns are ensured: a list's fields or the web's site columns. */
export interface FieldTarget {
  fields: IFields;
  /** List title, or 'Sitekolommen' for the web. */
  title: string;
}

/**
 * Ensures columns and the indexes on built-in columns. Columns marked `fromContentType` normally arrived with the
 * content type; one the type gained later is created on the list. Existing columns are reconciled.
 */
export async function ensureFields(
  sp: SPFI,
  target: FieldTarget,
  specs: readonly FieldSpec[],
  indexBuiltIn: readonly string[],
  rec: StepRecorder,
): Promise<void> {
  const rows: FieldRow[] = await target.fields.select(
    'InternalName',
    'TypeAsString',
    'Indexed',
    'EnforceUniqueValues',
    'Description',
    'Choices',
    'DefaultValue',
  )();
  const byName = new Map(rows.map((r) => [r.InternalName, r]));
  for (const field of specs) {
    const name = `${target.title}/${field.name}`;
    const row = byName.get(field.name);
    if (!row) {
      // A column the content type gained after the list took it (a site upgraded to a newer design): SharePoint does
      // not push a new site column into lists that already use the type, so the list gets the column itself.
      await createField(sp, target.fields, field);
      rec.record('field', name, 'created', `${field.fromContentType ? 'van het inhoudstype; ' : ''}${field.indexed ? 'indexed' : ''}`);
      continue;
    }
    if (!TYPE_AS_STRING[field.kind].includes(row.TypeAsString)) {
      // Converting a column's type loses data; a site owner must decide, so stop with a clear message.
      throw new Error(
        `Kolom '${name}' bestaat al als ${row.TypeAsString}, verwacht ${TYPE_AS_STRING[field.kind][0]}; pas de kolom handmatig aan.`,
      );
    }
    const patch = diff(field, row);
    if (Object.keys(patch).length === 0) {
      rec.record('field', name, 'unchanged');
    } else {
      await target.fields.getByInternalNameOrTitle(field.name).update(patch, ODATA_TYPE[field.kind]);
      rec.record('field', name, 'updated', Object.keys(patch).join(','));
    }
  }
  for (const builtIn of indexBuiltIn) {
    const row = byName.get(builtIn);
    if (!row) throw new Error(`Ingebouwde kolom '${target.title}/${builtIn}' ontbreekt; kan geen index maken.`);
    if (row.Indexed) {
      rec.record('index', `${target.title}/${builtIn}`, 'unchanged');
    } else {
      // List view threshold: views and dashboard queries filter or sort on this built-in column.
      await target.fields.getByInternalNameOrTitle(builtIn).update({ Indexed: true }, 'SP.Field');
      rec.record('index', `${target.title}/${builtIn}`, 'created');
    }
  }
}
