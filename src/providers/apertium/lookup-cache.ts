/**
 * The unknown-word repair's answers, kept across runs: one JSON file per repair chain in the
 * user's cache directory, so a word is looked up once per installation instead of once per run
 * (loading a chain's transducers costs more CPU than the whole bare translation of an article).
 *
 * A file is named after the chain's identity — its stage commands and the versions of the
 * Apertium packages it runs on — and repeats that identity inside: an upgraded dictionary, or
 * another installation sharing the directory, finds no file, or one it ignores. A missing,
 * unreadable or corrupt file is an empty cache, never an error; the cache only saves work.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { withLock } from '../../io/lock.js';

/** Entries kept per chain; the oldest learnt go first (a file stays under a few MB). */
export const MAX_ENTRIES = 50_000;

/** A word's answer: the accepted result (one word, or a phrase: ChainIdentity), or `null` when the chain has none. */
export type CachedAnswer = string | null;

export interface ChainIdentity {
  stages: readonly (readonly string[])[];
  /** `package=version,…` of the engine and the chain's language data. */
  versions: string;
  /** What the answers are when not one word each: `phrase`, up to three words (es → fr, matched to the source). */
  answers?: 'phrase';
}

interface CacheFile {
  identity: ChainIdentity;
  /** Oldest learnt first. */
  entries: [string, CachedAnswer][];
}

/** `$VERSIO_CACHE_DIR`, else `$XDG_CACHE_HOME/versio`, else `~/.cache/versio`. */
export function cacheDirectory(env: NodeJS.ProcessEnv): string {
  if (env.VERSIO_CACHE_DIR) return env.VERSIO_CACHE_DIR;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'versio');
}

export class LookupCache {
  /** Undefined: kept in memory only. */
  readonly #file: string | undefined;
  readonly #identity: ChainIdentity;
  readonly #max: number;
  /** Every known answer: the file's at start, plus this run's. */
  readonly answers: Map<string, CachedAnswer>;
  readonly #learnt = new Map<string, CachedAnswer>();

  private constructor(
    file: string | undefined,
    identity: ChainIdentity,
    answers: Map<string, CachedAnswer>,
    max: number,
  ) {
    this.#file = file;
    this.#identity = identity;
    this.answers = answers;
    this.#max = max;
  }

  /** The cache of the chain `identity` in `directory` (empty when there is no usable file). */
  static async open(directory: string, identity: ChainIdentity, max = MAX_ENTRIES): Promise<LookupCache> {
    const name = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
    const file = path.join(directory, `repair-${name}.json`);
    return new LookupCache(file, identity, await readEntries(file, identity), max);
  }

  /** A cache that reads and writes no file (the repair switched off). */
  static inMemory(): LookupCache {
    return new LookupCache(undefined, { stages: [], versions: '' }, new Map(), MAX_ENTRIES);
  }

  /** Records an answer learnt this run (kept in memory now, written by save()). */
  set(word: string, answer: CachedAnswer): void {
    this.answers.set(word, answer);
    this.#learnt.set(word, answer);
  }

  /**
   * Adds this run's answers to the file as it is now (another run may have written it since
   * this one read it), keeps the newest `max`, and replaces the file atomically, all under the
   * file's lock (io/lock.ts). Nothing learnt,
   * nothing written. A failure to write is the caller's to ignore.
   */
  async save(): Promise<void> {
    const file = this.#file;
    if (file === undefined || this.#learnt.size === 0) return;
    await mkdir(path.dirname(file), { recursive: true });
    // Under the file's lock: two runs saving at once would each replace the file with their own
    // merge, and the first one's words would be lost.
    await withLock(file, async () => {
      const entries = await readEntries(file, this.#identity);
      for (const [word, answer] of this.#learnt) {
        entries.delete(word); // re-inserted: the newest entry
        entries.set(word, answer);
      }
      const kept = [...entries].slice(-this.#max);
      const data: CacheFile = { identity: this.#identity, entries: kept };
      // No fsync: a cache lost in a power cut is only looked up again.
      await writeFileAtomic(file, JSON.stringify(data), undefined, 'atomic');
    });
    this.#learnt.clear();
  }
}

async function readEntries(file: string, identity: ChainIdentity): Promise<Map<string, CachedAnswer>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return new Map(); // missing or corrupt
  }
  if (!isCacheFile(data) || JSON.stringify(data.identity) !== JSON.stringify(identity)) return new Map();
  return new Map(data.entries);
}

function isCacheFile(data: unknown): data is CacheFile {
  if (typeof data !== 'object' || data === null) return false;
  const { identity, entries } = data as Partial<CacheFile>;
  return (
    typeof identity === 'object' &&
    Array.isArray(entries) &&
    entries.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        (typeof entry[1] === 'string' || entry[1] === null),
    )
  );
}
