/**
 * Provisions a real SharePoint Online site from an agreement configuration, with the same `provisionSite` the workbench
 * seed runs against the emulator. Run as a site owner:
 *
 *   npx tsx workbench/seed/provisionTenant.ts --site https://contoso.sharepoint.com/sites/igj-cibg \
 *     --agreement config/agreements/igj-cibg.json --token "$(m365 util accesstoken get --resource https://contoso.sharepoint.com --new)"
 *
 * The token may also come from the environment variable SP_TOKEN. Prints one line per step; a second run prints only
 * "unchanged" steps.
 */
import { readFileSync } from 'fs';
import { BearerToken } from '@pnp/queryable';
import { spfi, SPBrowser } from '@pnp/sp';
import { Resilience } from '../../src/adapters/sharepoint';
import { formatConfigErrors, loadAgreement } from '../../src/domain/agreement';
import { provisionSite } from '../../src/provisioning/provisioner';
import type { ProvisionReport } from '../../src/provisioning/report';
import { buildSiteSchema } from '../../src/provisioning/siteSchema';

/** Parsed command line. */
interface Args {
  site: string;
  agreement: string;
  token: string;
}

/** Reads `--site`, `--agreement`, `--token` (or SP_TOKEN); throws naming what is missing. */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const site = value('site');
  const agreement = value('agreement');
  const token = value('token') ?? env.SP_TOKEN;
  const missing = [
    !site && '--site <site-url>',
    !agreement && '--agreement <file>',
    !token && '--token <bearer> (of SP_TOKEN)',
  ];
  const lacking = missing.filter(Boolean);
  if (lacking.length > 0) throw new Error(`Ontbreekt: ${lacking.join(', ')}`);
  if (!/^https:\/\//.test(site as string))
    throw new Error(`--site moet een https-adres van de site zijn, niet '${site}'`);
  return { site: (site as string).replace(/\/$/, ''), agreement: agreement as string, token: token as string };
}

/** Validates the configuration and provisions the site. */
export async function provisionTenant(args: Args, log: (line: string) => void): Promise<ProvisionReport> {
  const loaded = loadAgreement(JSON.parse(readFileSync(args.agreement, 'utf8')));
  if (!loaded.ok) throw new Error(`Configuratie ongeldig:\n${formatConfigErrors(loaded.errors, 'nl').join('\n')}`);
  // With a bearer token SharePoint needs no form digest; throttling is honoured by the product's own behaviour.
  const sp = spfi(args.site).using(SPBrowser({ baseUrl: args.site }), BearerToken(args.token), Resilience());
  return provisionSite(sp, buildSiteSchema(loaded.config), loaded.config, (s) =>
    log(`${s.outcome.padEnd(9)} ${s.step.padEnd(12)} ${s.target}${s.detail ? ` (${s.detail})` : ''}`),
  );
}

if (require.main === module) {
  provisionTenant(parseArgs(process.argv.slice(2), process.env), (line) => process.stdout.write(`${line}\n`))
    .then((r) => process.stdout.write(`klaar: ${r.changed} wijzigingen in ${r.steps.length} stappen\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
