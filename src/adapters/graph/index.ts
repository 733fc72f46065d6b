/** Graph adapters: the ports implemented over `@microsoft/microsoft-graph-client` (SPFx MSGraphClientV3 or Client). */
export { GraphDirectory } from './GraphDirectory';
export { GraphMailSender, MAIL_LOOKUP_PERMISSION, TRACKING_PROPERTY_ID } from './GraphMailSender';
export { CHANNEL_LOOKUP_PERMISSION, GraphChannelPoster, TEAMS_MESSAGE_LIMIT_BYTES } from './GraphChannelPoster';
export { GraphCalendarWriter } from './GraphCalendarWriter';
export { escapeHtml, renderMailBlocks } from './html';
export { GraphRequestError, DEFAULT_GRAPH_TIMEOUT_MS, DEFAULT_GRAPH_RETRIES, callGraph } from './client';
export type { GraphClientLike, GraphRequestLike, GraphCallOptions } from './client';
