// Files in memory, persisted under the data folder: each file's bytes in `blobs/<id>` and every file's metadata in
// `files.json`, both written atomically (temp file, fsync, rename), the bytes before the metadata that names them.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';

export interface StoredFile {
  readonly id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  description?: string;
  readonly createdTime: string;
  modifiedTime: string;
  /** Drive's version counter: grows with every change to the file. */
  version: number;
  /** Bytes of the content; absent for folders and metadata-only files. */
  size?: number;
  md5Checksum?: string;
}

/** Drive's ids are 33 URL-safe characters. */
export function newFileId(): string {
  return '1' + randomBytes(24).toString('base64url');
}

async function writeAtomically(dir: string, name: string, data: string | Buffer): Promise<void> {
  const target = join(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(temp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(temp, target);
}

export class DriveStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly blobDir: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string) {
    this.blobDir = join(dir, 'blobs');
    mkdirSync(this.blobDir, { recursive: true });
    try {
      const saved = JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as StoredFile[];
      for (const f of saved) this.files.set(f.id, f);
    } catch {
      // a new data folder
    }
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  all(): StoredFile[] {
    return [...this.files.values()];
  }

  content(id: string): Promise<Buffer> {
    return readFile(join(this.blobDir, encodeURIComponent(id)));
  }

  /**
   * Stores a file (new or changed) and, when given, its new content; resolves once both are on disk. Writes are
   * serialised, so the metadata on disk is always the latest.
   */
  put(file: StoredFile, content?: Buffer): Promise<void> {
    if (content) {
      file.size = content.length;
      file.md5Checksum = createHash('md5').update(content).digest('hex');
    }
    this.files.set(file.id, file);
    const snapshot = JSON.stringify(this.all());
    const step = this.writing.then(async () => {
      if (content) await writeAtomically(this.blobDir, encodeURIComponent(file.id), content);
      await writeAtomically(this.dir, 'files.json', snapshot);
    });
    this.writing = step.catch(() => undefined);
    return step;
  }

  /** The folder with this id, created with `name` when it does not exist (a folder a coordinator made by hand). */
  async ensureFolder(id: string, name: string, time: string): Promise<StoredFile> {
    const existing = this.get(id);
    if (existing) return existing;
    const folder: StoredFile = {
      id,
      name,
      mimeType: FOLDER_MIME,
      parents: [],
      trashed: false,
      createdTime: time,
      modifiedTime: time,
      version: 1,
    };
    await this.put(folder);
    return folder;
  }

  drain(): Promise<void> {
    return this.writing;
  }
}
