/** All ports, and the `Services` bundle every host builds once (composition root) and hands to the UI. */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { CalendarWriter } from './calendar';
import type { ChannelPoster, ChannelRef } from './channel';
import type { ConfigStore, ConfigTrail } from './config';
import type { Directory } from './directory';
import type { ChannelFiles, DocumentStore } from './documents';
import type { SiteInventory } from './inventory';
import type { MailSender } from './mail';
import type { AgreementRegister, AuditLog, BreachRegister, MeetingStore, ReminderLog } from './registers';
import type { SiteDirectory } from './site';

export * from './calendar';
export * from './channel';
export * from './config';
export * from './directory';
export * from './documents';
export * from './inventory';
export * from './mail';
export * from './registers';
export * from './site';

/** Where the product runs, as far as the UI needs to know (never used to branch behaviour). */
export interface HostInfo {
  /** Absolute URL of the site (web). */
  siteUrl: string;
  /** Teams theme when hosted in Teams ('default' | 'dark' | 'contrast'). */
  theme?: string;
  /** Privacy officers' channel for breach cards (annex 2); absent when neither Teams nor configuration names one. */
  privacyChannel?: ChannelRef;
  /** Channel for meeting reminder cards (art. 6, 7, 12, 13). */
  reminderChannel?: ChannelRef;
}

/** Every adapter the UI uses, built from (sp, graph) by `createServices`. */
export interface Services {
  /** The validated agreement configuration loaded from the site. */
  config: AgreementConfig;
  configStore: ConfigStore;
  /** The configuration's versions and the accounthouders' acknowledgements (art. 13.3). */
  configTrail: ConfigTrail;
  documents: DocumentStore;
  /** The Team's own document library (channel files), for the integrity check. */
  channelFiles: ChannelFiles;
  /**
   * Folders, lists and libraries, Site Assets, the Toetslog's ToetsIds and published bytes, for the integrity check;
   * a host without it gets those parts reported as not checked.
   */
  inventory?: SiteInventory;
  audit: AuditLog;
  agreements: AgreementRegister;
  breaches: BreachRegister;
  meetings: MeetingStore;
  reminders: ReminderLog;
  site: SiteDirectory;
  directory: Directory;
  mail: MailSender;
  channel: ChannelPoster;
  calendar: CalendarWriter;
  host: HostInfo;
}
