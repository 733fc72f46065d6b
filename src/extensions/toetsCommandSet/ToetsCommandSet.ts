import { BaseListViewCommandSet, type IListViewCommandSetExecuteEventParameters } from '@microsoft/sp-listview-extensibility';
import type { Services } from '../../ports';
import type { HostCommand } from '../../ui/command';
import { COMMANDS, commandStates, toSelectedDocument, type SelectedDocument } from './commands';

/** Command set properties: none; the agreement configuration lives in the site. */
export type ToetsCommandSetProps = Record<string, never>;

/**
 * SPFx shell of the "Toets" ListView Command Set on the exchange library (bound by provisioning with a list-scoped
 * custom action): "Delen met toets" and "Datalek melden". It loads on every view of the library, so it stays tiny:
 * adapters, React, Fluent and the shared UI load with `import()` on the first click.
 */
export default class ToetsCommandSet extends BaseListViewCommandSet<ToetsCommandSetProps> {
  private services: Promise<Services> | undefined;
  private closeOpenDialog: (() => void) | undefined;

  public async onInit(): Promise<void> {
    await super.onInit();
    this.context.listView.listViewStateChangedEvent.add(this, () => this.updateCommands());
    this.updateCommands();
  }

  public onExecute(event: IListViewCommandSetExecuteEventParameters): void {
    if (event.itemId === COMMANDS.delen) void this.open({ kind: 'delen' });
    else if (event.itemId === COMMANDS.datalek) {
      // The report is about the selected documents (annex 2b: affected data, data subjects, controller party).
      const items = event.selectedRows.map(toSelectedDocument).filter((d): d is SelectedDocument => d !== undefined);
      void this.open({ kind: 'datalek', items });
    }
    else throw new Error(`Onbekend commando '${event.itemId}' (bekend: ${Object.values(COMMANDS).join(', ')}).`);
  }

  protected onDispose(): void {
    this.closeOpenDialog?.();
    super.onDispose();
  }

  private updateCommands(): void {
    const states = commandStates(this.context.listView.selectedRows ?? []);
    const delen = this.tryGetCommand(COMMANDS.delen);
    const datalek = this.tryGetCommand(COMMANDS.datalek);
    // Hidden, not greyed out, for a selection the command does not apply to (as SharePoint's own commands behave).
    if (delen) delen.visible = states.delen;
    if (datalek) datalek.visible = states.datalek;
    this.raiseOnChange();
  }

  /** Builds the adapters once (first click), from the SPFx context, exactly as the web part does. */
  private readonly getServices = (): Promise<Services> => {
    if (!this.services) {
      this.services = (async () => {
        const [{ spfi, SPFx, createServices }, graph] = await Promise.all([
          import(/* webpackChunkName: 'toets-app' */ './app'),
          this.context.msGraphClientFactory.getClient('3'),
        ]);
        return createServices({ sp: spfi().using(SPFx(this.context)), graph, siteUrl: this.context.pageContext.web.absoluteUrl });
      })();
      // A failed start (chunk load, token) must not stick: the next click, or the retry in the dialog, tries again.
      void this.services.catch(() => {
        this.services = undefined;
      });
    }
    return this.services;
  };

  private async open(command: HostCommand): Promise<void> {
    this.closeOpenDialog?.();
    const locale = this.context.pageContext.cultureInfo.currentUICultureName;
    const { openToetsDialog } = await import(/* webpackChunkName: 'toets-app' */ './app');
    this.closeOpenDialog = openToetsDialog({
      command,
      locale,
      load: this.getServices,
      onClosed: () => {
        this.closeOpenDialog = undefined;
      },
    });
  }
}
