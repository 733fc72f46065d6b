/**
 * The agreement's rules on who may do what in the space, stated per role, independently of how provisioning grants them
 * (permission levels, folders, list settings). The permission matrix runs every rule against SharePoint (the emulator)
 * as every kind of identity: a rule and a grant that disagree fail the matrix. Pure.
 *
 * Roles come from the configuration's groups: staff of a party (its members group), the party's privacy officers,
 * accounthouders, the autorisatielijst group for restricted documents, site owners; and the outsider, a member of the
 * Team (so of the site's Members group, which holds Edit on the web) who is in none of the agreement's groups.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import { restrictedFolderName, reviewFolderName, sharedFolderName } from '../provisioning/folders';

/** What an identity is, by the agreement's roles. */
export interface Roles {
  /** Party whose staff the identity is (in that party's members group), or null. */
  party: string | null;
  /** Parties whose privacy officer the identity is. */
  privacyOf: string[];
  accounthouder: boolean;
  /** Parties whose autorisatielijst group for restricted documents the identity is in (art. 10.1). */
  restrictedOf: string[];
  owner: boolean;
}

/** Containers the matrix probes. `<p>` is a party key. */
export type Container =
  | { kind: 'root' }
  | { kind: 'shared'; party: string; recipients?: string[] }
  | { kind: 'review'; party: string }
  | { kind: 'restricted'; party: string; recipients?: string[] }
  | { kind: 'toetslog'; own: boolean }
  | { kind: 'breaches'; own: boolean }
  | { kind: 'breachLog'; own: boolean; party: string }
  | { kind: 'agreements' }
  | { kind: 'meetings' }
  | { kind: 'reminders'; own: boolean }
  | { kind: 'reviews'; party: string }
  | { kind: 'acknowledgements'; party: string }
  | { kind: 'config' }
  | { kind: 'configLibrary' }
  | { kind: 'channelFiles' }
  | { kind: 'groups'; group: 'privacy' | 'members' };

/** Actions the matrix probes. */
export type Action =
  | 'read'
  | 'add'
  | 'merge'
  | 'validateUpdate'
  | 'publish'
  | 'unpublish'
  | 'approve'
  | 'move'
  | 'copy'
  | 'delete'
  | 'recycle'
  | 'versionDelete'
  | 'versionRestore'
  | 'breakInheritance'
  | 'addRoleAssignment'
  | 'putContent'
  | 'addMember';

/** Expected outcome, with the article or rule it follows. */
export interface Expectation {
  allowed: boolean;
  rule: string;
}

/** Actions that apply to a container (a list item has no publish; a group has only membership). */
export function actionsFor(c: Container): Action[] {
  const files: Action[] = [
    'read',
    'add',
    'merge',
    'validateUpdate',
    'publish',
    'unpublish',
    'approve',
    'move',
    'copy',
    'delete',
    'recycle',
    'versionDelete',
    'versionRestore',
    'breakInheritance',
    'addRoleAssignment',
    'putContent',
  ];
  const items: Action[] = [
    'read',
    'add',
    'merge',
    'validateUpdate',
    'delete',
    'recycle',
    'versionDelete',
    'versionRestore',
    'breakInheritance',
    'addRoleAssignment',
  ];
  switch (c.kind) {
    case 'root':
    case 'shared':
    case 'review':
    case 'restricted':
      return files;
    case 'channelFiles':
      // The Team's library keeps no minor versions: there is nothing to publish.
      return files.filter((a) => a !== 'publish' && a !== 'unpublish');
    case 'reminders':
      // The claims list keeps no versions.
      return items.filter((a) => a !== 'versionDelete' && a !== 'versionRestore');
    case 'config':
      return ['read', 'putContent', 'merge', 'delete', 'recycle', 'versionDelete', 'breakInheritance', 'addRoleAssignment'];
    case 'configLibrary':
      // The library around the configuration: a file beside it, or the library's settings (`merge`: Manage Lists on
      // the library, the right that also deletes it; the probe changes the description, so the world survives it).
      return ['add', 'merge', 'breakInheritance', 'addRoleAssignment'];
    case 'groups':
      return ['addMember'];
    default:
      return items;
  }
}

/** Everyone who uses the space as staff (any party). */
function isStaff(r: Roles): boolean {
  return r.party !== null;
}

/** Allowed for owners only (administration: permissions, pruning history). */
const OWNERS_ONLY = (r: Roles, rule: string): Expectation => ({ allowed: r.owner, rule });

/** The agreement's rule for one identity, action and container. */
export function expectation(config: AgreementConfig, r: Roles, action: Action, c: Container): Expectation {
  // Administration is for site owners everywhere: nobody else changes permissions or prunes a version history.
  if (action === 'breakInheritance' || action === 'addRoleAssignment')
    return OWNERS_ONLY(r, 'alleen eigenaren wijzigen machtigingen');
  if (action === 'versionDelete') return OWNERS_ONLY(r, 'AVG art. 5 lid 2: niemand behalve eigenaren snoeit de versiegeschiedenis');
  // No library uses content approval: nobody approves, so nobody can approve around the review (art. 9.2).
  if (action === 'approve') return { allowed: false, rule: 'geen inhoudsgoedkeuring; art. 9.2 loopt via de reviewmap' };
  const anyStaff = isStaff(r) || r.privacyOf.length > 0;
  switch (c.kind) {
    case 'root':
      if (action === 'read') return { allowed: r.owner || anyStaff, rule: 'art. 9.5: de partijen lezen' };
      if (action === 'copy')
        return { allowed: r.owner || anyStaff, rule: 'wie leest en een eigen map heeft, kan kopiëren' };
      return OWNERS_ONLY(r, 'art. 9.2, 9.5: niemand behalve eigenaren zet iets in de hoofdmap, zodat elk stuk in een map van één partij staat');
    case 'shared': {
      const own = r.owner || r.party === c.party || r.privacyOf.includes(c.party);
      if (c.recipients) {
        // art. 8, 9.5: a recipient folder is read by the sharing party and the chosen parties only.
        const to = c.recipients;
        const reader = own || (r.party !== null && to.includes(r.party)) || r.privacyOf.some((p) => to.includes(p));
        if (action === 'read') return { allowed: reader, rule: `art. 8, 9.5: alleen ${c.party} en ${to.join(', ')} lezen` };
        if (action === 'copy') return { allowed: reader, rule: 'wie leest en een eigen map heeft, kan kopiëren' };
        return { allowed: own, rule: `art. 9.5: alleen ${c.party} werkt in de eigen map` };
      }
      if (action === 'read') return { allowed: r.owner || anyStaff, rule: 'art. 9.5: gedeeld met de andere partij' };
      if (action === 'copy')
        return { allowed: r.owner || anyStaff, rule: 'wie leest en een eigen map heeft, kan kopiëren' };
      return { allowed: own, rule: `art. 9.5: alleen ${c.party} werkt in de eigen map` };
    }
    case 'review': {
      const officer = r.owner || r.privacyOf.includes(c.party);
      if (action === 'add')
        return { allowed: officer || r.party === c.party, rule: 'art. 9.2: de partij levert in, de privacy officer beslist' };
      return {
        allowed: officer,
        rule: 'art. 9.2: alleen de privacy officer van de delende partij leest, wijzigt, publiceert, verplaatst of verwijdert',
      };
    }
    case 'restricted': {
      const writer = r.owner || r.restrictedOf.includes(c.party) || r.privacyOf.includes(c.party);
      // A recipient folder (art. 8): only the autorisatielijst and privacy officers of the sender and the chosen parties.
      const to = c.recipients;
      const reader = to
        ? writer || r.restrictedOf.some((p) => to.includes(p)) || r.privacyOf.some((p) => to.includes(p))
        : r.owner || r.restrictedOf.length > 0 || r.privacyOf.length > 0;
      if (action === 'read') return { allowed: reader, rule: 'art. 10.1: alleen de autorisatielijst leest' };
      if (action === 'copy') return { allowed: reader, rule: 'art. 10.1: wie leest, kopieert naar de eigen vertrouwelijke map' };
      return { allowed: writer, rule: `art. 10.1: alleen de autorisatielijst van ${c.party} plaatst en wijzigt` };
    }
    case 'toetslog': {
      const adder = r.owner || anyStaff;
      const reader = c.own ? adder : r.owner || r.privacyOf.length > 0;
      if (action === 'add') return { allowed: adder, rule: 'AVG art. 5 lid 2: iedereen legt vast' };
      if (action === 'read')
        return { allowed: reader, rule: c.own ? 'eigen records' : 'alleen privacy officers lezen alle records' };
      return OWNERS_ONLY(r, 'AVG art. 5 lid 2: alleen toevoegen; niemand wijzigt of verwijdert een record');
    }
    case 'breachLog': {
      const adder = r.owner || r.party === c.party || r.privacyOf.includes(c.party);
      const reader = r.owner || r.privacyOf.length > 0 || (c.own && adder);
      if (action === 'add')
        return { allowed: adder, rule: `bijlage 2: alleen ${c.party} legt het verloop van de eigen meldingen vast` };
      if (action === 'read')
        return { allowed: reader, rule: c.own ? 'eigen stappen' : 'alleen privacy officers lezen alle stappen' };
      return OWNERS_ONLY(r, 'AVG art. 33 lid 5: alleen toevoegen; niemand wijzigt of verwijdert een stap');
    }
    case 'breaches': {
      const adder = r.owner || anyStaff;
      const officer = r.owner || r.privacyOf.length > 0;
      if (action === 'add') return { allowed: adder, rule: 'AVG art. 33 lid 5: iedereen meldt' };
      if (action === 'read') return { allowed: c.own ? adder : officer, rule: 'melder en privacy officers' };
      if (action === 'merge' || action === 'validateUpdate' || action === 'versionRestore')
        return { allowed: officer, rule: 'AVG art. 33, 34: alleen privacy officers leggen besluiten vast (met versie)' };
      return OWNERS_ONLY(r, 'AVG art. 33 lid 5: alleen eigenaren verwijderen een melding');
    }
    case 'agreements':
    case 'meetings': {
      if (action === 'read') return { allowed: r.owner || anyStaff, rule: 'iedereen leest' };
      return { allowed: r.owner || r.accounthouder, rule: 'art. 5, 13: alleen accounthouders houden dit bij' };
    }
    case 'reminders': {
      const user = r.owner || anyStaff;
      if (action === 'add' || action === 'read') return { allowed: user, rule: 'herinneringen: eenmaal plaatsen' };
      return { allowed: r.owner || (c.own && user), rule: 'alleen de eigen claim' };
    }
    case 'acknowledgements':
      if (action === 'read') return { allowed: r.owner || anyStaff, rule: 'iedereen leest' };
      if (action === 'add')
        return {
          allowed: r.owner || r.party === c.party || r.privacyOf.includes(c.party),
          rule: `art. 13.3: alleen ${c.party} bevestigt voor ${c.party} (telt alleen van de accounthouder)`,
        };
      return OWNERS_ONLY(r, 'art. 13.3: een bevestiging verandert niet');
    case 'reviews':
      if (action === 'read') return { allowed: r.owner || r.privacyOf.length > 0, rule: 'art. 9.2: privacy officers lezen elkaars besluiten' };
      if (action === 'add')
        return { allowed: r.owner || r.privacyOf.includes(c.party), rule: `art. 9.2: alleen de privacy officer van ${c.party} beslist` };
      return OWNERS_ONLY(r, 'AVG art. 5 lid 2: een besluit verandert niet');
    case 'config':
      if (action === 'read') return { allowed: true, rule: 'iedereen in de site leest de regels' };
      return OWNERS_ONLY(r, 'art. 13.3: alleen eigenaren wijzigen de configuratie');
    case 'configLibrary':
      return OWNERS_ONLY(r, 'art. 13.3: niemand behalve eigenaren vervangt of verwijdert de bibliotheek van de regels');
    case 'channelFiles':
      if (action === 'read') return { allowed: true, rule: 'het Team leest zijn kanaalbestanden' };
      if (action === 'copy') return OWNERS_ONLY(r, 'alleen eigenaren plaatsen in een kanaal');
      return OWNERS_ONLY(r, 'art. 8, 9.2: delen gaat via de toets, niet via een kanaal');
    case 'groups':
      return OWNERS_ONLY(r, 'art. 1e, 10.1: alleen eigenaren wijzigen de autorisatielijst');
    default:
      return { allowed: false, rule: 'onbekend' };
  }
}

/** A readable name of a container, for the table and test output. */
export function containerLabel(config: AgreementConfig, c: Container): string {
  const lib = config.space.exchangeLibraryTitle;
  switch (c.kind) {
    case 'root':
      return `${lib} (hoofdmap)`;
    case 'shared':
      return `${lib}/${sharedFolderName(c.party, c.recipients)}`;
    case 'review':
      return `${lib}/${reviewFolderName(c.party)}`;
    case 'restricted':
      return `${lib}/${restrictedFolderName(c.party, c.recipients)}`;
    case 'toetslog':
      return `Toetslog (${c.own ? 'eigen record' : 'record van een ander'})`;
    case 'breaches':
      return `Datalekregister (${c.own ? 'eigen melding' : 'melding van een ander'})`;
    case 'breachLog':
      return `Datalekverloop-${c.party} (${c.own ? 'eigen stap' : 'stap van een ander'})`;
    case 'agreements':
      return 'Overeenkomstenregister';
    case 'meetings':
      return 'Overleggen';
    case 'reminders':
      return `Herinneringen (${c.own ? 'eigen claim' : 'claim van een ander'})`;
    case 'acknowledgements':
      return `Bevestigingen-${c.party}`;
    case 'reviews':
      return `Beoordelingen-${c.party}`;
    case 'config':
      return 'Configuratie/Samenwerkingsruimte/agreement.json';
    case 'configLibrary':
      return 'Configuratie (bibliotheek)';
    case 'channelFiles':
      return 'Documenten (kanaalmap van het Team)';
    case 'groups':
      return c.group === 'privacy' ? 'Groep privacy officers' : 'Groep medewerkers';
    default:
      return 'onbekend';
  }
}
