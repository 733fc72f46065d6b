/**
 * The composition root: builds every adapter from a PnPjs `SPFI` and a Graph client. The SPFx shells and the workbench
 * call it identically (SPFx passes `spfi().using(SPFx(context))` and MSGraphClientV3; the workbench passes the same
 * pointed at the emulator). Nothing below knows which host it runs in.
 */
import { spfi, type SPFI } from '@pnp/sp';
// What the dashboard's first render uses is imported here, each adapter from its own file; every other adapter
// loads with its first call (./lazyPort), so its code is not part of the first render.
import type { GraphClientLike } from '../adapters/graph/client';
import { GraphDirectory } from '../adapters/graph/GraphDirectory';
import { Resilience } from '../adapters/sharepoint/behaviours';
import { PnpConfigStore } from '../adapters/sharepoint/PnpConfigStore';
import { PnpDocumentStore } from '../adapters/sharepoint/PnpDocumentStore';
import { PnpMeetingStore } from '../adapters/sharepoint/PnpMeetingStore';
import { PnpSiteDirectory } from '../adapters/sharepoint/PnpSiteDirectory';
import type { AgreementConfig } from '../domain/agreement/schema';
import type {
  AgreementRegister,
  AuditLog,
  BreachRegister,
  CalendarWriter,
  ChannelFiles,
  ChannelPoster,
  ChannelRef,
  ConfigTrail,
  HostInfo,
  MailSender,
  ReminderLog,
  Services,
  SiteInventory,
} from '../ports';
import {
  sharedOnce,
  startFirstRender,
  withPrefetchedMeetings,
  withPrefetchedPages,
  withSharedSiteUser,
} from './firstRender';
import { lazyPort } from './lazyPort';

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
 * The first render makes at most 3 requests: Graph `/me` runs beside the configuration read, and everything the
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
    configTrail: lazyPort<ConfigTrail>(() =>
      import(/* webpackChunkName: 'adapters' */ '../adapters/sharepoint/PnpConfigTrail').then(
        (m) => new m.PnpConfigTrail(sp, config.parties.map((p) => p.key), deps.siteUrl, () => configStore.text()),
      ),
    ),
    channelFiles: lazyPort<ChannelFiles>(() =>
      import(/* webpackChunkName: 'adapters' */ '../adapters/sharepoint/PnpChannelFiles').then((m) => new m.PnpChannelFiles(sp)),
    ),
    inventory: lazyPort<SiteInventory>(() =>
      import(/* webpackChunkName: 'adapters' */ '../adapters/sharepoint/PnpSiteInventory').then((m) => new m.PnpSiteInventory(sp, config)),
    ),
    documents: withPrefetchedPages(new PnpDocumentStore(sp, config), first.pages),
    audit: lazyPort<AuditLog>(() =>
      import(/* webpackChunkName: 'adapters' */ '../adapters/sharepoint/PnpAuditLog').then(
        (m) => new m.PnpAuditLog(sp, config.parties.map((p) => p.key)),
      ),
    ),
    agreements: lazyPort<AgreementRegister>(() =>
      import(/* webpackChunkName: 'adapters' */ '../adapters/sharepoint/PnpAgreementRegister').then((m) => new m.PnpAgreementRegister(sp, config)),
    ),
    breaches: lazyPort<BreachRegister>(() =>
      import(/* webpackChunkName: 'adapters' */ '../adapters/sharepoint/PnpBreachRegister').then(
        (m) => new m.PnpBreachRegister(sp, config.parties.map((p) => p.key)),
      ),
    ),
    meetings: withPrefetchedMeetings(new PnpMeetingStore(sp), first.meetings),
    reminders: lazyPort<ReminderLog>(() =>
      import(/* webpackChunkName: 'adapters' */ '../adapters/sharepoint/PnpReminderLog').then((m) => new m.PnpReminderLog(sp)),
    ),
    site: withSharedSiteUser(new PnpSiteDirectory(sp, config), first.siteUser),
    directory: Object.assign(Object.create(graphDirectory) as GraphDirectory, { currentUser: me }),
    mail: lazyPort<MailSender>(() =>
      import(/* webpackChunkName: 'graph-adapters' */ '../adapters/graph/GraphMailSender').then((m) => new m.GraphMailSender(deps.graph)),
    ),
    channel: lazyPort<ChannelPoster>(() =>
      import(/* webpackChunkName: 'graph-adapters' */ '../adapters/graph/GraphChannelPoster').then((m) => new m.GraphChannelPoster(deps.graph)),
    ),
    calendar: lazyPort<CalendarWriter>(() =>
      import(/* webpackChunkName: 'graph-adapters' */ '../adapters/graph/GraphCalendarWriter').then((m) => new m.GraphCalendarWriter(deps.graph)),
    ),
    host,
  };
}
