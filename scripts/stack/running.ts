// Which local stack serves a data folder: `npm start` records its addresses in <data>/local-stack.json while it runs,
// so every other command works on the same servers instead of opening the same files from a second process.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface StackUrls {
  readonly sheets: string;
  readonly mail: string;
  readonly web: string;
  readonly ingest: string;
  /** The documents function (the menu's "Tạo văn bản báo cáo"); absent where no function runs. */
  readonly documents?: string;
  /** The rollup function (the menu's "Tổng hợp cấp dưới"); absent where no function runs. */
  readonly rollup?: string;
  /** The yearend function (the menu's "Ghi quyết định vào sổ" and "Tạo chiến dịch năm sau"); absent where none runs. */
  readonly yearend?: string;
  /** The local Drive server; absent in the record of a stack started before it existed. */
  readonly drive?: string;
}

export interface RunningStack {
  readonly pid: number;
  readonly urls: StackUrls;
  readonly spreadsheetId: string;
}

const FILE = 'local-stack.json';

export function runningFile(dataDir: string): string {
  return path.join(dataDir, FILE);
}

export async function recordRunning(dataDir: string, stack: RunningStack): Promise<void> {
  await writeFile(runningFile(dataDir), JSON.stringify(stack, null, 2) + '\n', { mode: 0o600 });
}

/** Removes the record, only if it is still this process's (a later `npm start` may have taken over). */
export async function forgetRunning(dataDir: string, pid: number = process.pid): Promise<void> {
  const recorded = await readRecord(dataDir);
  if (recorded?.pid === pid) await rm(runningFile(dataDir), { force: true });
}

async function readRecord(dataDir: string): Promise<RunningStack | undefined> {
  try {
    const parsed = JSON.parse(await readFile(runningFile(dataDir), 'utf8')) as Partial<RunningStack>;
    if (
      typeof parsed.pid !== 'number' ||
      typeof parsed.spreadsheetId !== 'string' ||
      typeof parsed.urls?.sheets !== 'string'
    )
      return undefined;
    return parsed as RunningStack;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The stack recorded for this data folder, when its process is alive and its Sheets server answers for the
 * spreadsheet; a record left by a killed process (or a reused pid) is ignored.
 */
export async function findRunning(dataDir: string): Promise<RunningStack | undefined> {
  const recorded = await readRecord(dataDir);
  if (!recorded || recorded.pid === process.pid || !alive(recorded.pid)) return undefined;
  try {
    const probe = await fetch(
      new URL(`v4/spreadsheets/${encodeURIComponent(recorded.spreadsheetId)}`, recorded.urls.sheets),
      {
        signal: AbortSignal.timeout(2000),
      },
    );
    await probe.body?.cancel();
    return probe.ok ? recorded : undefined;
  } catch {
    return undefined;
  }
}
