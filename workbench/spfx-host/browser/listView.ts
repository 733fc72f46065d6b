/**
 * A minimal list view host for the library page (`<library>/Forms/AllItems.aspx`), in the role of SharePoint's
 * internal list host (component b1ab4aaa-…, not on npm). It renders the library's current folder from SharePoint
 * REST through the framework's `SPHttpClient`, with a checkbox per row; finds the command sets bound to the library
 * the way SharePoint does (the list's user custom actions at `ClientSideExtension.ListViewCommandSet*`); creates each
 * through the framework's `_ExtensionManager` with a real `ListViewCommandSetContext`; and is the command set's
 * adapter: it draws `context._commands` (title, `visible`, `disabled`) in the command bar, redraws on
 * `raiseOnChange()`, raises `listViewStateChangedEvent` and calls `onListViewUpdated` when the selection or the folder
 * changes, and calls `onExecute` with the selected rows on a click.
 */
import * as core from '@microsoft/sp-core-library';
import { Guid, type ServiceScope } from '@microsoft/sp-core-library';
import { SPHttpClient } from '@microsoft/sp-http';
import type { SPField } from '@microsoft/sp-page-context';
import {
  ListViewAccessorStateChanges,
  type BaseListViewCommandSet,
  type ColumnAccessor,
  type IFilter,
  type IFolderInfo,
  type IList,
  type IListViewAccessorState,
  type IView,
} from '@microsoft/sp-listview-extensibility';
import { spExtensionBase, spListView } from './internals';
import type { HostPageConfig } from './hostState';
import { hostState } from './hostState';

/** The values of one row, as SharePoint's list view reports them: every value a string. */
type RowValues = Record<string, string>;

/** Fields the view reads (the command set reads ID, FSObjType, FileLeafRef and FileRef). */
const VIEW_FIELDS = ['ID', 'FileLeafRef', 'FileRef', 'FileDirRef', 'FSObjType', 'Modified'];

class HostRow extends spListView.RowAccessor {
  public constructor(private readonly values: RowValues) {
    super();
  }
  public get fields(): ReadonlyArray<SPField> {
    return [];
  }
  public getValueByName(internalName: string): string | undefined {
    return this.values[internalName];
  }
  public getValue(field: SPField): string | undefined {
    return this.values[field.internalName];
  }
}

/** The list view's state, readable by the command set through the framework's ListViewAccessor contract. */
class HostListViewAccessor extends spListView.ListViewAccessor {
  public readonly eventName: string;
  private state: { rows: HostRow[]; selected: HostRow[]; folder: string };

  public constructor(
    private readonly listInfo: IList,
    private readonly viewInfo: IView,
    prefix: string,
  ) {
    super(prefix);
    this.eventName = `listView.stateChanged${prefix}`;
    this.state = { rows: [], selected: [], folder: listInfo.serverRelativeUrl };
  }
  public get columns(): ReadonlyArray<ColumnAccessor> {
    return [];
  }
  public get rows(): ReadonlyArray<InstanceType<typeof spListView.RowAccessor>> {
    return this.state.rows;
  }
  public get selectedRows(): ReadonlyArray<InstanceType<typeof spListView.RowAccessor>> {
    return this.state.selected;
  }
  public get list(): IList {
    return this.listInfo;
  }
  public get view(): IView {
    return this.viewInfo;
  }
  public get folderInfo(): IFolderInfo {
    return { folderPath: this.state.folder };
  }
  public get appliedFilters(): { [fieldName: string]: IFilter } | undefined {
    return undefined;
  }
  public get sortField(): string {
    return 'FileLeafRef';
  }
  public get sortAscending(): boolean {
    return true;
  }
  public tryGetColumnByName(): ColumnAccessor | undefined {
    return undefined;
  }
  public snapshot(): IListViewAccessorState {
    return {
      list: this.listInfo,
      view: this.viewInfo,
      folderInfo: this.folderInfo,
      columns: [],
      rows: this.state.rows.map((r) => ({ values: Object.fromEntries(VIEW_FIELDS.map((f) => [f, r.getValueByName(f)])) })),
      selectedRows: this.state.selected.map((r) => ({ values: Object.fromEntries(VIEW_FIELDS.map((f) => [f, r.getValueByName(f)])) })),
    } as unknown as IListViewAccessorState;
  }
  /** Changes the state and raises listViewStateChangedEvent, as SharePoint's list host does. */
  public update(next: Partial<HostListViewAccessor['state']>, changes: ListViewAccessorStateChanges): void {
    const prevState = this.snapshot();
    this.state = { ...this.state, ...next };
    const args = new spListView.ListViewStateChangedEventArgs();
    args.prevState = prevState;
    args.stateChanges = changes;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (core as any)._SPEventManager.instance.raiseEvent(this.eventName, args);
  }
}

interface CustomAction {
  Location: string;
  ClientSideComponentId: string;
  ClientSideComponentProperties: string;
}

async function getJson<T>(client: SPHttpClient, url: string): Promise<T> {
  const response = await client.get(url, SPHttpClient.configurations.v1, {
    headers: { accept: 'application/json;odata=nometadata' },
  });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Renders the library page under `root`: list view, command bar, command sets. */
export async function renderLibrary(scope: ServiceScope, root: HTMLElement, config: HostPageConfig, webUrl: string): Promise<void> {
  if (!config.library) throw new Error('A library page needs its library.');
  const client = scope.consume(SPHttpClient.serviceKey);
  const lib = config.library;
  const listApi = `${webUrl}/_api/web/lists(guid'${lib.id}')`;
  const listInfo: IList = { guid: Guid.parse(lib.id), title: lib.title, serverRelativeUrl: lib.serverRelativeUrl };
  const viewInfo: IView = { id: Guid.empty, title: 'Alle documenten', url: `${lib.serverRelativeUrl}/Forms/AllItems.aspx` };
  const accessor = new HostListViewAccessor(listInfo, viewInfo, `_${Guid.newGuid().toString()}`);
  const state = hostState();
  state.commandSetCalls = [];

  const bar = document.getElementById('spfx-host-commandbar') as HTMLElement;
  const breadcrumb = document.createElement('nav');
  breadcrumb.setAttribute('data-testid', 'listview-folder');
  const table = document.createElement('table');
  table.className = 'spfx-host-listview';
  table.setAttribute('data-testid', 'listview');
  root.append(breadcrumb, table);

  // The command sets bound to this library by provisioning (list-scoped custom actions), as SharePoint finds them.
  const actions = await getJson<{ value: CustomAction[] }>(client, `${listApi}/UserCustomActions`);
  const bound = actions.value.filter((a) => /^ClientSideExtension\.ListViewCommandSet/.test(a.Location) && a.ClientSideComponentId);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const manager = new spExtensionBase._ExtensionManager(scope, spListView.BaseListViewCommandSet as any);
  const commandSets: BaseListViewCommandSet<unknown>[] = [];
  for (const action of bound) {
    const commandSet = (await manager.createExtension(
      action.ClientSideComponentId,
      action.ClientSideComponentProperties || '{}',
      (p) => new spListView.ListViewCommandSetContext(p, { listView: accessor }),
    )) as unknown as BaseListViewCommandSet<unknown>;
    // The list host is the command set's adapter: it redraws the command bar when the command set asks.
    (commandSet as unknown as { _raiseOnChange: () => void })._raiseOnChange = () => drawCommands();
    commandSets.push(commandSet);
  }

  const drawCommands = (): void => {
    bar.querySelectorAll('[data-command]').forEach((b) => b.remove());
    const shown: NonNullable<typeof state.commands> = [];
    for (const commandSet of commandSets) {
      for (const command of (commandSet.context as unknown as InstanceType<typeof spListView.ListViewCommandSetContext>)._commands) {
        shown.push({ id: command.id, title: command.title, visible: command.visible, disabled: !!command.disabled });
        if (!command.visible) continue;
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = command.title;
        button.disabled = !!command.disabled;
        button.setAttribute('data-command', command.id);
        button.addEventListener('click', () => {
          state.commandSetCalls?.push(`onExecute:${command.id}`);
          commandSet.onExecute({ itemId: command.id, selectedRows: accessor.selectedRows } as never);
        });
        bar.appendChild(button);
      }
    }
    state.commands = shown;
  };

  /** After a change of the list view's state: the deprecated `onListViewUpdated` too, as SharePoint still calls it. */
  const changed = (): void => {
    for (const commandSet of commandSets) {
      state.commandSetCalls?.push('onListViewUpdated');
      commandSet.onListViewUpdated({ selectedRows: accessor.selectedRows } as never);
    }
    drawCommands();
  };

  let all: HostRow[] = [];
  const drawRows = (): void => {
    const folder = accessor.folderInfo.folderPath;
    breadcrumb.textContent = folder;
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    for (const h of ['', 'Naam', 'Gewijzigd']) head.insertCell().outerHTML = `<th>${h}</th>`;
    const body = table.createTBody();
    if (folder !== lib.serverRelativeUrl) {
      const up = body.insertRow();
      up.insertCell();
      const cell = up.insertCell();
      const link = document.createElement('a');
      link.href = '#';
      link.textContent = '..';
      link.addEventListener('click', (e) => {
        e.preventDefault();
        openFolder(folder.slice(0, folder.lastIndexOf('/')));
      });
      cell.appendChild(link);
      up.insertCell();
    }
    for (const row of accessor.rows as HostRow[]) {
      const tr = body.insertRow();
      const name = row.getValueByName('FileLeafRef') ?? '';
      tr.setAttribute('data-row', name);
      const pick = document.createElement('input');
      pick.type = 'checkbox';
      pick.setAttribute('aria-label', `${name} selecteren`);
      pick.checked = accessor.selectedRows.includes(row);
      pick.addEventListener('change', () => {
        const selected = pick.checked
          ? [...(accessor.selectedRows as HostRow[]), row]
          : (accessor.selectedRows as HostRow[]).filter((r) => r !== row);
        accessor.update({ selected }, ListViewAccessorStateChanges.SelectedRows);
        changed();
      });
      tr.insertCell().appendChild(pick);
      const cell = tr.insertCell();
      if (row.getValueByName('FSObjType') === '1') {
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = name;
        link.addEventListener('click', (e) => {
          e.preventDefault();
          openFolder(row.getValueByName('FileRef') ?? folder);
        });
        cell.appendChild(link);
      } else cell.textContent = name;
      tr.insertCell().textContent = row.getValueByName('Modified') ?? '';
    }
  };

  const openFolder = (folder: string): void => {
    const rows = all.filter((r) => r.getValueByName('FileDirRef') === folder);
    accessor.update(
      { folder, rows, selected: [] },
      ListViewAccessorStateChanges.FolderInfo | ListViewAccessorStateChanges.Rows | ListViewAccessorStateChanges.SelectedRows,
    );
    drawRows();
    changed();
  };

  const items = await getJson<{ value: Array<Record<string, unknown>> }>(
    client,
    `${listApi}/items?$select=${VIEW_FIELDS.join(',')}&$orderby=FileLeafRef&$top=500`,
  );
  // REST names the item id `Id` (SharePoint also answers `ID`); the list view reports it as `ID`, every value a string.
  all = items.value.map((v) => {
    const value = (f: string): unknown => v[f] ?? (f === 'ID' ? v.Id : undefined);
    return new HostRow(Object.fromEntries(VIEW_FIELDS.map((f) => [f, value(f) === undefined || value(f) === null ? '' : String(value(f))])));
  });
  const start = new URLSearchParams(window.location.search).get('id') ?? lib.serverRelativeUrl;
  openFolder(start);
}
