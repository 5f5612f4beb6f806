/**
 * What the installation look-ups print (`apertium-wblank-mode -z <mode>`, `dpkg-query -W …`),
 * kept across runs in the user's cache directory: each is a process start, and the eight of
 * them took a quarter of a second of every `versio translate` before the first sentence could
 * go to Apertium. An answer is reused only while the files it was read from are unchanged (same
 * size, modification time and inode: the mode file and the tool for a mode's pipeline, dpkg's
 * status database for package versions, which dpkg rewrites on every install or removal); any
 * other change runs the command again. A missing or corrupt cache file is an empty cache.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../io/atomic-write.js';

/** One remembered answer: the command's output and the state of the files it depends on. */
interface Entry {
  stamp: string;
  stdout: string;
}

const FILE = 'apertium-commands.json';

/** `size:mtime:inode` of each file (`-` for a missing one): an answer read from them stays valid while it is the same. */
async function stampOf(files: readonly string[]): Promise<string> {
  const stamps = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (info) => `${info.size}:${info.mtimeMs}:${info.ino}`,
        () => '-',
      ),
    ),
  );
  return files.map((file, i) => `${file}=${stamps[i]}`).join('|');
}

export class CommandCache {
  readonly #file: string;
  readonly #entries: Map<string, Entry>;
  #changed = false;

  private constructor(file: string, entries: Map<string, Entry>) {
    this.#file = file;
    this.#entries = entries;
  }

  /** The cache file in `directory` (empty when missing or unreadable). */
  static async open(directory: string): Promise<CommandCache> {
    const file = path.join(directory, FILE);
    return new CommandCache(file, await readEntries(file));
  }

  /**
   * The output of `argv` as run with the files `dependsOn` in their present state: remembered,
   * or from `run()` (whose failure propagates, and is not remembered).
   */
  async output(
    argv: readonly string[],
    dependsOn: readonly string[],
    run: () => Promise<string>,
  ): Promise<string> {
    const key = JSON.stringify(argv);
    const stamp = await stampOf(dependsOn);
    const known = this.#entries.get(key);
    if (known?.stamp === stamp) return known.stdout;
    const stdout = await run();
    this.#entries.set(key, { stamp, stdout });
    this.#changed = true;
    return stdout;
  }

  /** Writes what was learnt (atomically; a failure is the caller's to ignore). */
  async save(): Promise<void> {
    if (!this.#changed) return;
    // No fsync: a cache lost in a power cut is only computed again.
    await writeFileAtomic(this.#file, JSON.stringify([...this.#entries]), undefined, 'atomic');
    this.#changed = false;
  }
}

async function readEntries(file: string): Promise<Map<string, Entry>> {
  try {
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (!Array.isArray(data)) return new Map();
    return new Map(data.filter(isEntry));
  } catch {
    return new Map(); // missing or corrupt
  }
}

function isEntry(item: unknown): item is [string, Entry] {
  if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string') return false;
  const entry = item[1] as Partial<Entry> | null;
  return typeof entry?.stamp === 'string' && typeof entry.stdout === 'string';
}
