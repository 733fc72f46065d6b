/**
 * The composition root: builds every adapter from a PnPjs `SPFI` and a Graph client. The SPFx shells and the workbench
 * call it identically (SPFx passes `spfi().using(SPFx(context))` and MSGraphClientV3; the workbench passes the same
 * pointed at the emulator). Nothing below knows which host it runs in.
 */
import { spfi, type SPFI } from '@pnp/sp';
import {
  GraphCalendarWriter,
  GraphChannelPoster,
  GraphDirectory,
  GraphMailSender,
  type GraphClientLike,
} from '../adapters/graph';
import {
  PnpAgreementRegister,
  PnpAuditLog,
  PnpBreachRegister,
  PnpChannelFiles,
  PnpConfigStore,
  PnpConfigTrail,
  PnpDocumentStore,
  PnpMeetingStore,
  PnpReminderLog,
  PnpSiteDirectory,
  Resilience,
} from '../adapters/sharepoint';
import type { AgreementConfig } from '../domain/agreement/schema';
import type { ChannelRef, HostInfo, Services } from '../ports';
import {
  sharedOnce,
  startFirstRender,
  withPrefetchedMeetings,
  withPrefetchedPages,
  withSharedSiteUser,
} from './firstRender';

/** What a host hands the composition root. */
export interface ServiceDeps {
  sp: SPFI;
  graph: GraphClientLike;
  siteUrl: string;
  /** From `context.sdks.microsoftTeams` when hosted in Teams. */
  teams?: { teamId?: string; channelId?: string; theme?: string };
}

/** A channel when both ids are known. */
function channel(teamId: string | undefined, channelId: string | undefined): ChannelRef | undefined {
  return teamId && channelId ? { teamId, channelId } : undefined;
}

/**
 * Loads and validates the configuration first (a broken configuration stops here with named fields), then builds.
 * Issue 5, first render in at most 3 requests: Graph `/me` runs beside the configuration read, and everything the
 * dashboard's first paint reads from SharePoint goes in ONE `$batch` sent as soon as the configuration is valid
 * (see ./firstRender). The signed-in person is read once per load, whoever asks.
 */
export async function createServices(deps: ServiceDeps): Promise<Services> {
  // Throttling and transient faults are handled once, as a PnPjs behaviour, for every adapter.
  const sp = spfi(deps.sp).using(Resilience());
  const configStore = new PnpConfigStore(sp, deps.siteUrl);
  const loading = configStore.load();
  const parties = (): Promise<AgreementConfig['parties']> => loading.then((c) => c.parties);
  const graphDirectory = new GraphDirectory(deps.graph, parties);
  const me = sharedOnce(() => graphDirectory.currentUser());
  // Started now, not awaited: an outsider's or a broken configuration's error comes from the load below.
  me().catch(() => undefined);
  const config = await loading;
  const first = startFirstRender(sp, config);
  const teamId = config.space.teamId ?? deps.teams?.teamId;
  const privacyChannel = channel(teamId, config.space.channelId ?? deps.teams?.channelId);
  const host: HostInfo = {
    siteUrl: deps.siteUrl,
    ...(deps.teams?.theme ? { theme: deps.teams.theme } : {}),
    ...(privacyChannel ? { privacyChannel } : {}),
    ...((channel(teamId, config.space.reminderChannelId) ?? privacyChannel)
      ? { reminderChannel: channel(teamId, config.space.reminderChannelId) ?? privacyChannel }
      : {}),
  };
  return {
    config,
    configStore,
    configTrail: new PnpConfigTrail(sp, deps.siteUrl, () => configStore.text()),
    channelFiles: new PnpChannelFiles(sp),
    documents: withPrefetchedPages(new PnpDocumentStore(sp, config), first.pages),
    audit: new PnpAuditLog(sp),
    agreements: new PnpAgreementRegister(sp, config),
    breaches: new PnpBreachRegister(sp),
    meetings: withPrefetchedMeetings(new PnpMeetingStore(sp), first.meetings),
    reminders: new PnpReminderLog(sp),
    site: withSharedSiteUser(new PnpSiteDirectory(sp, config), first.siteUser),
    directory: Object.assign(Object.create(graphDirectory) as GraphDirectory, { currentUser: me }),
    mail: new GraphMailSender(deps.graph),
    channel: new GraphChannelPoster(deps.graph),
    calendar: new GraphCalendarWriter(deps.graph),
    host,
  };
}
