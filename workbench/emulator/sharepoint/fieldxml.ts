import { badValue } from './errors';

/** Parses the `SchemaXml` of `createfieldasxml` into field properties (Type, DisplayName, Name, Required, Indexed, CHOICES). */
export function fieldFromXml(xml: unknown): Record<string, unknown> {
  if (typeof xml !== 'string' || !/^\s*<Field\b/i.test(xml))
    throw badValue(`The parameter 'SchemaXml' must be a <Field …/> element.`);
  const attr = (name: string): string | undefined => {
    const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(xml.split('>')[0]);
    return m
      ? m[1]
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&')
      : undefined;
  };
  const kinds: Record<string, number> = {
    Text: 2,
    Note: 3,
    DateTime: 4,
    Choice: 6,
    MultiChoice: 15,
    Lookup: 7,
    LookupMulti: 7,
    Boolean: 8,
    Number: 9,
    Currency: 10,
    URL: 11,
    User: 20,
    UserMulti: 20,
    Integer: 1,
    Guid: 14,
  };
  const type = attr('Type') ?? '';
  if (!(type in kinds))
    throw badValue(`The field type '${type}' in SchemaXml (Type) is not supported by the emulator.`);
  const props: Record<string, unknown> = {
    Title: attr('DisplayName') ?? attr('Name'),
    InternalName: attr('Name') ?? attr('StaticName'),
    FieldTypeKind: kinds[type],
  };
  if (attr('ID')) props.Id = attr('ID');
  if (attr('Required')) props.Required = attr('Required')!.toUpperCase() === 'TRUE';
  if (attr('Indexed')) props.Indexed = attr('Indexed')!.toUpperCase() === 'TRUE';
  if (attr('EnforceUniqueValues')) props.EnforceUniqueValues = attr('EnforceUniqueValues')!.toUpperCase() === 'TRUE';
  if (attr('Group')) props.Group = attr('Group');
  if (attr('Description')) props.Description = attr('Description');
  if (attr('MaxLength')) props.MaxLength = Number(attr('MaxLength'));
  if (attr('List')) props.LookupListId = attr('List')!.replace(/[{}]/g, '');
  if (attr('ShowField')) props.LookupFieldName = attr('ShowField');
  if (type.endsWith('Multi') || attr('Mult')?.toUpperCase() === 'TRUE') props.AllowMultipleValues = true;
  if (attr('Format')) props.DisplayFormat = attr('Format') === 'DateTime' ? 1 : 0;
  const choices = [...xml.matchAll(/<CHOICE>([^<]*)<\/CHOICE>/gi)].map((m) => m[1]);
  if (choices.length) props.Choices = choices;
  const dflt = /<Default>([^<]*)<\/Default>/i.exec(xml);
  if (dflt) props.DefaultValue = dflt[1];
  return props;
}
