/** One datalek outbox per Services bundle, so a retry in a later render still knows what this page already sent. */
import { DatalekOutbox } from '../../datalek';
import type { Services } from '../../ports';

const outboxes = new WeakMap<Services, DatalekOutbox>();

/** The page's outbox for these services (created on first use). */
export function outboxFor(services: Services): DatalekOutbox {
  let outbox = outboxes.get(services);
  if (!outbox) {
    outbox = new DatalekOutbox({
      config: services.config,
      breaches: services.breaches,
      mail: services.mail,
      channel: services.channel,
      site: services.site,
      host: services.host,
    });
    outboxes.set(services, outbox);
  }
  return outbox;
}
