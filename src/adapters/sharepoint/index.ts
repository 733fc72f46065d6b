/** SharePoint (PnPjs v4) adapters of the ports. */
export { PnpConfigStore } from './PnpConfigStore';
export { PnpConfigTrail } from './PnpConfigTrail';
export { PnpChannelFiles } from './PnpChannelFiles';
export { PnpSiteInventory } from './PnpSiteInventory';
export { PnpDocumentStore, type DocumentStoreOptions } from './PnpDocumentStore';
export { PnpSiteDirectory } from './PnpSiteDirectory';
export { PnpAuditLog } from './PnpAuditLog';
export { PnpAgreementRegister } from './PnpAgreementRegister';
export { PnpBreachRegister } from './PnpBreachRegister';
export { PnpMeetingStore } from './PnpMeetingStore';
export { PnpReminderLog } from './PnpReminderLog';
export { Resilience, type ResilienceOptions } from './behaviours';
