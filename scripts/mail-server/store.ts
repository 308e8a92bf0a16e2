// What the mail server keeps on disk: templates in one JSON file (replaced atomically), accepted messages as JSON
// lines.
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export interface Address {
  readonly email: string;
  readonly name?: string;
}

/** What one personalization's recipients read. */
export interface RenderedMessage {
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** `custom_args.email_key` of the personalization (or of the message). */
  readonly email_key?: string;
  /** Set when the template could not be rendered with this data. */
  readonly error?: string;
}

export interface StoredMessage {
  readonly id: string;
  readonly receivedAt: string;
  /** The request body exactly as sent. */
  readonly body: unknown;
  readonly rendered: readonly RenderedMessage[];
}

export interface StoredVersion {
  id: string;
  template_id: string;
  active: 0 | 1;
  name: string;
  subject: string;
  html_content: string;
  plain_content: string;
  generate_plain_content: boolean;
  editor: 'code' | 'design';
  updated_at: string;
  thumbnail_url: string;
}

export interface StoredTemplate {
  id: string;
  name: string;
  generation: 'legacy' | 'dynamic';
  updated_at: string;
  versions: StoredVersion[];
}

export class MailStore {
  private readonly templatesFile: string;
  private readonly outboxFile: string;
  readonly templates: StoredTemplate[];
  readonly messages: StoredMessage[];

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.templatesFile = join(dataDir, 'templates.json');
    this.outboxFile = join(dataDir, 'outbox.jsonl');
    this.templates = existsSync(this.templatesFile)
      ? (JSON.parse(readFileSync(this.templatesFile, 'utf8')) as StoredTemplate[])
      : [];
    this.messages = existsSync(this.outboxFile) ? readJsonLines(this.outboxFile) : [];
    // Terminate a line torn by a crash, so the next message does not glue onto it.
    if (
      existsSync(this.outboxFile) &&
      !readFileSync(this.outboxFile, 'utf8').endsWith('\n') &&
      statSync(this.outboxFile).size > 0
    ) {
      appendFileSync(this.outboxFile, '\n');
    }
  }

  saveTemplates(): void {
    const tmp = `${this.templatesFile}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(this.templates));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.templatesFile);
  }

  addMessage(message: StoredMessage): void {
    // One write per message: a kill -9 leaves at most a torn last line, which loading skips.
    appendFileSync(this.outboxFile, `${JSON.stringify(message)}\n`);
    this.messages.push(message);
  }
}

function readJsonLines(file: string): StoredMessage[] {
  const out: StoredMessage[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as StoredMessage);
    } catch {
      // A line torn by a crash mid-write: the client never got its 202, so nothing is lost.
    }
  }
  return out;
}
