import { commandStates, toSelectedDocument, type SelectedRowLike } from '../../../src/extensions/toetsCommandSet/commands';

/** A list view row as SPFx reports it: every value a string, read by internal name. */
function row(values: Record<string, string>): SelectedRowLike {
  return { getValueByName: (name: string) => values[name] };
}

const file = (id: number, name = `doc${id}.docx`): SelectedRowLike =>
  row({ ID: String(id), FSObjType: '0', FileLeafRef: name, FileRef: `/sites/samenwerkingsruimte/Uitwisseling/${name}` });
const folder = row({ ID: '9', FSObjType: '1', FileLeafRef: '2025', FileRef: '/sites/samenwerkingsruimte/Uitwisseling/2025' });

describe('Toets command set: which command a selection enables', () => {
  it('enables "Delen met toets" only without a selection (it shares new files, picked in the dialog)', () => {
    expect(commandStates([])).toEqual({ delen: true, datalek: false });
    expect(commandStates([file(1)]).delen).toBe(false);
  });

  it('enables "Datalek melden" for one or more selected files', () => {
    expect(commandStates([file(1)]).datalek).toBe(true);
    expect(commandStates([file(1), file(2)]).datalek).toBe(true);
  });

  it('disables "Datalek melden" when a folder is part of the selection (a report is about documents)', () => {
    expect(commandStates([folder]).datalek).toBe(false);
    expect(commandStates([file(1), folder]).datalek).toBe(false);
  });

  it('reads a selected file as id, name and server-relative URL', () => {
    expect(toSelectedDocument(file(12, 'Werkafspraak BIG.pdf'))).toEqual({
      id: 12,
      name: 'Werkafspraak BIG.pdf',
      serverRelativeUrl: '/sites/samenwerkingsruimte/Uitwisseling/Werkafspraak BIG.pdf',
    });
  });

  it('does not read folders or rows without a valid id as documents', () => {
    expect(toSelectedDocument(folder)).toBeUndefined();
    expect(toSelectedDocument(row({ FSObjType: '0', FileLeafRef: 'x.txt' }))).toBeUndefined();
    expect(toSelectedDocument(row({ ID: '0', FSObjType: '0' }))).toBeUndefined();
  });
});
