import { spfi, type SPFI } from '@pnp/sp';
import { Resilience } from '../../../adapters/sharepoint';
import { provisionSite } from '../../../provisioning/provisioner';
import { buildSiteSchema } from '../../../provisioning/siteSchema';
import type { Provision } from './SetupPanel';

/**
 * The web part's "Inrichten": the same idempotent provisioning the workbench seed and the tenant CLI run, over the
 * site owner's own PnPjs session (SharePoint enforces that only an owner may change the site).
 */
export function provisionWith(sp: SPFI): Provision {
  const site = spfi(sp).using(Resilience());
  return (config, onStep) => provisionSite(site, buildSiteSchema(config), config, onStep);
}
