/**
 * ConfigTrail over PnPjs: the configuration file's version as SharePoint keeps it (version label, Modified, Editor of
 * its list item, which nobody can set), and each party's Bevestigingen list where its accounthouder acknowledges a
 * version (art. 13.3). Only that party's groups may add to its list and nobody may change an entry (provisioning); the
 * party of an acknowledgement is the list it sits in, never its Partij column.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/files';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { fingerprint } from '../../domain/agreement/fingerprint';
import { contentHash } from '../../domain/common/hash';
import type { ConfigAcknowledgement, ConfigTrail, ConfigVersion } from '../../ports/config';
import { ACK, CONFIG_FILE, acknowledgementListTitle } from '../../provisioning/names';
import { parseJson } from './listRows';

/** An acknowledgement row of a party's list: the party is the list's, whatever the row's Partij column says. */
function toAcknowledgement(r: Record<string, unknown>, party: string): ConfigAcknowledgement {
  const d = parseJson<{ label?: string; fingerprint?: Record<string, string> }>(r[ACK.details], {});
  const a = r.Author as { Id?: number; Title?: string; EMail?: string } | undefined;
  return {
    key: String(r[ACK.key] ?? ''),
    party,
    label: d.label ?? '',
    fingerprint: d.fingerprint ?? {},
    ...(a?.Id ? { author: { id: a.Id, displayName: a.Title ?? '', ...(a.EMail ? { email: a.EMail } : {}) } } : {}),
    ...(typeof r.Created === 'string' ? { created: r.Created } : {}),
  };
}

/** The configuration's version trail and acknowledgements. */
export class PnpConfigTrail implements ConfigTrail {
  /**
   * `text` gives the configuration file's text as the configuration store read it, so hashing it costs no second
   * request; without it the file is read here.
   */
  public constructor(
    private readonly sp: SPFI,
    /** The agreement's party keys: one Bevestigingen list each. */
    private readonly parties: readonly string[],
    private readonly webUrl?: string,
    private readonly text?: () => Promise<string>,
  ) {}

  /** The current version: text (hash, fingerprint) and the file's item (version label, Modified, Editor). */
  public async current(): Promise<ConfigVersion> {
    const file = this.sp.web.getFileByServerRelativePath(await this.path());
    const [text, item] = await Promise.all([
      this.text ? this.text() : file.getText(),
      file.listItemAllFields
        .select('Modified', 'OData__UIVersionString', 'Editor/Title', 'Editor/EMail')
        .expand('Editor')<Record<string, unknown>>(),
    ]);
    const editor = item.Editor as { Title?: string; EMail?: string } | undefined;
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // An unparsable file still has a version; the loader names what is wrong with it.
    }
    return {
      key: (await contentHash(new TextEncoder().encode(text))) ?? String(item.OData__UIVersionString ?? ''),
      label: String(item.OData__UIVersionString ?? ''),
      modified: String(item.Modified ?? ''),
      ...(editor?.Title ? { modifiedBy: { displayName: editor.Title, ...(editor.EMail ? { email: editor.EMail } : {}) } } : {}),
      fingerprint: parsed === null ? {} : fingerprint(parsed),
    };
  }

  /** Acknowledgements of every party, newest first (one `$batch`). */
  public async acknowledgements(max = 50): Promise<ConfigAcknowledgement[]> {
    const [batched, execute] = this.sp.batched();
    const pages = this.parties.map((party) =>
      batched.web.lists
        .getByTitle(acknowledgementListTitle(party))
        .items.select('Id', 'Created', ACK.key, ACK.details, 'Author/Id', 'Author/Title', 'Author/EMail')
        .expand('Author')
        .orderBy('ID', false)
        .top(max)<Array<Record<string, unknown>>>()
        .then((rows) => rows.map((r) => toAcknowledgement(r, party))),
    );
    await execute();
    return (await Promise.all(pages))
      .flat()
      .sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''))
      .slice(0, max);
  }

  /** Adds an acknowledgement to the party's list (SharePoint refuses anyone outside that party's groups). */
  public async acknowledge(version: ConfigVersion, party: string): Promise<void> {
    if (!this.parties.includes(party)) throw new Error(`Bevestiging: onbekende partij '${party}' (art. 13.3).`);
    await this.sp.web.lists.getByTitle(acknowledgementListTitle(party)).items.add({
      Title: `Configuratie versie ${version.label}`.slice(0, 255),
      [ACK.key]: version.key,
      [ACK.party]: party,
      [ACK.details]: JSON.stringify({
        label: version.label,
        modified: version.modified,
        modifiedBy: version.modifiedBy?.displayName,
        fingerprint: version.fingerprint,
      }),
    });
  }

  /** Server-relative path of the configuration file. */
  private async path(): Promise<string> {
    const web = this.webUrl
      ? decodeURIComponent(new URL(this.webUrl).pathname)
      : (await this.sp.web.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>()).ServerRelativeUrl;
    return `${web.replace(/\/$/, '')}/${CONFIG_FILE.library}/${CONFIG_FILE.folder}/${CONFIG_FILE.name}`;
  }
}
