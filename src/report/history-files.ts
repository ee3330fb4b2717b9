// The report history: reports/history/<hash>.json in the project, one file per distinct report, named by
// the hash of what it said (history.ts). Each file holds a sequence number; the earlier report a new one is
// compared with is the latest one (highest number) that said something else. So running the same report
// again changes nothing: its file is already the latest and is left as it is, and the comparison is with
// the same earlier report as before; the HTML comes out byte for byte the same (but for its creation time).
// Going back to an earlier state makes that state the latest again.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from '../core/errors.js';
import { msg, type Message } from '../core/messages/index.js';
import { snapshotHash, type EarlierReport, type ReportSnapshot } from './history.js';

interface HistoryEntry {
  format: 1;
  hash: string;
  sequence: number;
  /** When this report was (last) made the latest, as an ISO time. */
  reported: string;
  istsoll: string;
  snapshot: ReportSnapshot;
}

export interface HistoryWarning {
  reason: Message;
  where: string;
  hint: Message;
}

/** The earlier report to compare `snapshot` with, if any, and what could not be read on the way. */
export async function readEarlierReport(
  dir: string,
  snapshot: ReportSnapshot,
): Promise<{ earlier: EarlierReport | null; warnings: HistoryWarning[] }> {
  const { entries, warnings } = await readEntries(dir);
  const hash = snapshotHash(snapshot);
  const earlier = entries.filter((e) => e.hash !== hash).sort((a, b) => b.sequence - a.sequence)[0];
  return { earlier: earlier ? { reported: earlier.reported, snapshot: earlier.snapshot } : null, warnings };
}

/** Keeps `snapshot` as the latest report, unless it already is; written beside and renamed, never half. */
export async function keepReport(dir: string, snapshot: ReportSnapshot, now: Date, version: string): Promise<void> {
  const { entries } = await readEntries(dir);
  const hash = snapshotHash(snapshot);
  const latest = entries.sort((a, b) => b.sequence - a.sequence)[0];
  if (latest?.hash === hash) return;
  const entry: HistoryEntry = {
    format: 1,
    hash,
    sequence: (latest?.sequence ?? 0) + 1,
    reported: now.toISOString(),
    istsoll: version,
    snapshot,
  };
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${hash}.json`);
  const temp = join(dir, `.${process.pid}.${hash}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(entry, null, 1)}\n`, 'utf8');
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Every readable entry; a damaged or foreign file is reported and left out, never guessed at. */
async function readEntries(dir: string): Promise<{ entries: HistoryEntry[]; warnings: HistoryWarning[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => /^[0-9a-f]{16}\.json$/.test(f)).sort();
  } catch {
    return { entries: [], warnings: [] };
  }
  const entries: HistoryEntry[] = [];
  const warnings: HistoryWarning[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      const entry = JSON.parse(await readFile(path, 'utf8')) as Partial<HistoryEntry>;
      if (!isEntry(entry)) throw new Error('not a report of this format');
      entries.push(entry);
    } catch (e) {
      warnings.push({
        reason: msg('history-unreadable', { file: displayPath(path), reason: (e as Error).message.split('\n')[0]! }),
        where: displayPath(path),
        hint: msg('hint-history'),
      });
    }
  }
  return { entries, warnings };
}

function isEntry(e: Partial<HistoryEntry>): e is HistoryEntry {
  return (
    e.format === 1 &&
    typeof e.hash === 'string' &&
    Number.isInteger(e.sequence) &&
    typeof e.reported === 'string' &&
    e.snapshot?.format === 1 &&
    Array.isArray(e.snapshot.targets) &&
    Array.isArray(e.snapshot.measures)
  );
}
