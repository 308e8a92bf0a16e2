// The `fields` system parameter (partial responses): `a,b/c,files(id,name)`, `*` for everything. A name the resource
// does not have is refused as Drive refuses it: `400 Invalid field selection <name>`.
import { badRequest, invalidFieldSelection } from './errors.ts';

export interface Selection {
  /** Field name → what to keep of its value (`true`: all of it). */
  readonly [name: string]: Selection | true;
}

/** Every property of Drive v3's File resource ("REST Resource: files"); values we do not store are simply absent. */
export const FILE_FIELDS: ReadonlySet<string> = new Set(
  (
    'appProperties capabilities clientEncryptionDetails contentHints contentRestrictions copyRequiresWriterPermission ' +
    'createdTime description downloadRestrictions driveId explicitlyTrashed exportLinks fileExtension folderColorRgb ' +
    'fullFileExtension hasAugmentedPermissions hasThumbnail headRevisionId iconLink id imageMediaMetadata ' +
    'inheritedPermissionsDisabled isAppAuthorized kind labelInfo lastModifyingUser linkShareMetadata md5Checksum ' +
    'mimeType modifiedByMe modifiedByMeTime modifiedTime name originalFilename ownedByMe owners parents ' +
    'permissionIds permissions properties quotaBytesUsed resourceKey sha1Checksum sha256Checksum shared ' +
    'sharedWithMeTime sharingUser shortcutDetails size spaces starred teamDriveId thumbnailLink thumbnailVersion ' +
    'trashed trashedTime trashingUser version videoMediaMetadata viewedByMe viewedByMeTime viewersCanCopyContent ' +
    'webContentLink webViewLink writersCanShare'
  ).split(' '),
);

export const FILE_LIST_FIELDS: ReadonlySet<string> = new Set(['files', 'incompleteSearch', 'kind', 'nextPageToken']);

type Mutable = Record<string, Selection | true>;

/** Adds `value` under `key`, merging with what another item already selects there (`true` wins). */
function merge(into: Mutable, key: string, value: Selection | true): void {
  const existing = into[key];
  if (existing === undefined) into[key] = value;
  else if (existing === true || value === true) into[key] = true;
  else {
    const merged: Mutable = { ...existing };
    for (const [k, v] of Object.entries(value)) merge(merged, k, v);
    into[key] = merged;
  }
}

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  list(): Selection {
    const out: Mutable = {};
    for (;;) {
      this.item(out);
      if (this.text[this.at] !== ',') return out;
      this.at++;
    }
  }

  private item(into: Mutable): void {
    const path: string[] = [this.name()];
    while (this.text[this.at] === '/') {
      this.at++;
      path.push(this.name());
    }
    let leaf: Selection | true = true;
    if (this.text[this.at] === '(') {
      this.at++;
      leaf = this.list();
      if (this.text[this.at] !== ')') throw badRequest('Invalid field selection: unbalanced parentheses.');
      this.at++;
    }
    // `a/b/c` is `a(b(c))`.
    for (let i = path.length - 1; i > 0; i--) leaf = { [path[i]]: leaf };
    merge(into, path[0], leaf);
  }

  private name(): string {
    const m = /^(\*|[A-Za-z_]\w*)/.exec(this.text.slice(this.at));
    if (!m) throw badRequest(`Invalid field selection: "${this.text}" is not a field list.`);
    this.at += m[0].length;
    return m[0];
  }

  done(): boolean {
    return this.at >= this.text.length;
  }
}

/**
 * Parses `fields` and checks its names: `top` are the response's own properties; under `files` (a list) and at the top
 * of a single file, the File resource's.
 */
export function parseFields(text: string, top: ReadonlySet<string>): Selection {
  const reader = new Reader(text.replace(/\s+/g, ''));
  const selection = reader.list();
  if (!reader.done()) throw badRequest(`Invalid field selection: "${text}" is not a field list.`);
  const check = (sel: Selection, allowed: ReadonlySet<string>) => {
    for (const [name, sub] of Object.entries(sel)) {
      if (name !== '*' && !allowed.has(name)) throw invalidFieldSelection(name);
      if (name === 'files' && sub !== true && allowed === FILE_LIST_FIELDS) check(sub, FILE_FIELDS);
    }
  };
  check(selection, top);
  return selection;
}

/** Keeps of `value` what `selection` names; lists are masked element by element. */
export function mask(value: unknown, selection: Selection | true): unknown {
  if (selection === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => mask(v, selection));
  if (selection['*'] === true) return value;
  const out: Record<string, unknown> = {};
  for (const [name, sub] of Object.entries(selection)) {
    const v = (value as Record<string, unknown>)[name];
    if (v !== undefined) out[name] = mask(v, sub);
  }
  return out;
}
