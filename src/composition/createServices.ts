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
  PnpConfigStore,
  PnpDocumentStore,
  PnpMeetingStore,
  PnpReminderLog,
  PnpSiteDirectory,
  Resilience,
} from '../adapters/sharepoint';
import type { ChannelRef, HostInfo, Services } from '../ports';

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

/** Loads and validates the configuration first (a broken configuration stops here with named fields), then builds. */
export async function createServices(deps: ServiceDeps): Promise<Services> {
  // Throttling and transient faults are handled once, as a PnPjs behaviour, for every adapter.
  const sp = spfi(deps.sp).using(Resilience());
  const configStore = new PnpConfigStore(sp);
  const config = await configStore.load();
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
    documents: new PnpDocumentStore(sp, config),
    audit: new PnpAuditLog(sp),
    agreements: new PnpAgreementRegister(sp, config),
    breaches: new PnpBreachRegister(sp),
    meetings: new PnpMeetingStore(sp),
    reminders: new PnpReminderLog(sp),
    site: new PnpSiteDirectory(sp, config),
    directory: new GraphDirectory(deps.graph, config.parties),
    mail: new GraphMailSender(deps.graph),
    channel: new GraphChannelPoster(deps.graph),
    calendar: new GraphCalendarWriter(deps.graph),
    host,
  };
}
