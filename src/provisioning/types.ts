/** Declarative description of everything a Samenwerkingsruimte site holds; built from the agreement configuration. */
import type { PermissionLevelSpec, RoleKind } from './levels';

export type { RoleKind } from './levels';

/** Column kinds the schema uses, each mapped to one SharePoint field type by the provisioner. */
export type FieldKind =
  | 'text'
  | 'note'
  | 'choice'
  | 'multichoice'
  | 'number'
  | 'datetime'
  | 'boolean'
  | 'user'
  | 'lookup'
  | 'url';

/** One column (site column semantics, created on the list). */
export interface FieldSpec {
  /** Internal name and title (kept equal so REST, CAML and the UI speak one name). */
  name: string;
  kind: FieldKind;
  description: string;
  required?: boolean;
  /** Indexed so views that filter or sort on it pass the 5,000-item list view threshold. */
  indexed?: boolean;
  /** Unique values (requires indexed), e.g. a reminder key that must be posted once. */
  unique?: boolean;
  choices?: readonly string[];
  defaultValue?: string;
  /** For 'lookup': title of the list looked up (may be the list itself). */
  lookupList?: string;
  /** For 'lookup': field shown, default Title. */
  lookupField?: string;
  /** For 'datetime': include time. */
  withTime?: boolean;
  /** Site column group (only for site columns). */
  group?: string;
  /** The column is a site column brought to the list by a content type, not created on the list itself. */
  fromContentType?: boolean;
}

/** A site content type with its columns (site columns, linked by internal name). */
export interface ContentTypeSpec {
  /** Content type id, e.g. `0x0101` (Document) + `00` + a fixed GUID. */
  id: string;
  name: string;
  description: string;
  group: string;
  fields: readonly string[];
}

/** A real SharePoint view with a CAML query that filters on an indexed column first and pages. */
export interface ViewSpec {
  title: string;
  /** Inner XML of `<Query>`: `<Where>`, `<OrderBy>`, `<GroupBy>`. */
  query: string;
  fields: readonly string[];
  rowLimit: number;
  /** The indexed column the query filters (or, without filter, sorts) on first; checked by a schema test. */
  firstIndexed: string;
  isDefault?: boolean;
  /** Show items in folders too (the exchange library keeps review and restricted files in folders). */
  recursive?: boolean;
}

/** A group granted a role on a securable (web, list, folder). */
export interface Grant {
  /**
   * Group key from the configuration (`config.groups[].key`), or one of the site's own groups: `$owners`, `$members`
   * (in a Team site: every Team member), `$visitors`.
   */
  group: string;
  role: RoleKind;
}

/** A list or library. */
export interface ListSpec {
  /** Stable key used by adapters and tests. */
  key:
    | 'exchange'
    | 'agreements'
    | 'audit'
    | 'breaches'
    | `breachLog-${string}`
    | 'meetings'
    | 'reminders'
    | 'config'
    | `reviews-${string}`
    | `acknowledgements-${string}`;
  title: string;
  description: string;
  /** 101 = document library, 100 = generic list. */
  template: 100 | 101;
  fields: readonly FieldSpec[];
  /** Site content types the list offers (ids from {@link SiteSchema.contentTypes}). */
  contentTypes?: readonly string[];
  /** Built-in columns to index (e.g. Author, Modified). */
  indexBuiltIn: readonly string[];
  views: readonly ViewSpec[];
  versioning: boolean;
  /**
   * Major and minor versions with draft item security "only users who can edit items" (DraftVersionVisibility 1): a
   * new or changed file is a draft that only editors of its folder read until it is published, so a file uploaded
   * around the dialog stays readable only by its own party.
   */
  drafts?: boolean;
  /** Folders with their own permissions (the exchange library's review and restricted folders). */
  folders?: ReadonlyArray<{ name: string; grants: readonly Grant[]; reason: string }>;
  /**
   * The list stops inheriting and holds exactly these grants: provisioning adds what is missing and removes every
   * other assignment, so an upgraded site loses the grants of an older design (and the Team's Members group, which
   * holds Edit on the web, has no say here unless listed).
   */
  uniquePermissions: readonly Grant[];
  /** SharePoint item-level security: 2 = users read/edit only items they created (owners/editors see all). */
  readSecurity?: 1 | 2;
  writeSecurity?: 1 | 2 | 4;
}

/** A site group. */
export interface GroupSpec {
  key: string;
  title: string;
  description: string;
  /** Role on the web; undefined = no web-level grant (used only for item-level permissions). */
  webRole?: RoleKind;
}

/** A list-scoped user custom action binding an SPFx extension. */
export interface CustomActionSpec {
  listKey: ListSpec['key'];
  title: string;
  name: string;
  location: string;
  clientSideComponentId: string;
  clientSideComponentProperties: string;
}

/** The whole site. */
export interface SiteSchema {
  /** Bumped when the shape changes; stored nowhere, shown in provisioning reports. */
  version: string;
  groups: readonly GroupSpec[];
  /** Site columns (group 'Samenwerkingsruimte'), created on the web before the content types that link them. */
  siteColumns: readonly FieldSpec[];
  contentTypes: readonly ContentTypeSpec[];
  lists: readonly ListSpec[];
  customActions: readonly CustomActionSpec[];
  /** Our own permission levels, created on the web before any grant names them. */
  permissionLevels: readonly PermissionLevelSpec[];
  /** The runtime configuration file; its folder holds exactly `grants` (only site owners write it). */
  configFile: { library: string; folder: string; name: string; grants: readonly Grant[] };
  /**
   * The site's default document library (in a Team site: where channel files land): exactly these grants, so Teams'
   * own upload cannot share around the check (the Team's Members group reads, it does not add).
   */
  teamDocuments: { grants: readonly Grant[]; reason: string };
}
