/** `versio tm export` / `versio tm import`: the file edges around toTmx / fromTmx. */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { describeFsError } from '../io/fs-error.js';
import { importedRecords } from './import.js';
import { isSharedMemory, openMemory } from './open.js';
import { fromTmx } from './tmx-read.js';
import { toTmx } from './tmx-write.js';

export interface ExportTmxOptions {
  memoryPath: string;
  tmxPath: string;
  creationToolVersion: string;
}

/** Write the memory (latest record per key) as TMX 1.4b; returns the number of units written. */
export async function exportTmxFile(options: ExportTmxOptions): Promise<{ units: number }> {
  const exists =
    isSharedMemory(options.memoryPath) ||
    (await stat(options.memoryPath).then(
      () => true,
      () => false,
    ));
  if (!exists) {
    throw new InputError(`no translation memory at ${options.memoryPath}`, {
      hint: 'translate an article first, or name the memory with --memory <path>',
    });
  }
  const memory = await openMemory(options.memoryPath);
  try {
    const records = [];
    for await (const record of memory.iterate()) records.push(record);
    const langs = new Set(records.map((r) => r.sourceLang.toLowerCase()));
    const sourceLang = langs.size === 1 && records[0] ? records[0].sourceLang : '*all*';
    const xml = toTmx(records, {
      sourceLang,
      creationTool: 'versio',
      creationToolVersion: options.creationToolVersion,
    });
    await writeFileAtomic(options.tmxPath, xml);
    return { units: records.length };
  } finally {
    await memory.close();
  }
}

export interface ImportTmxOptions {
  tmxPath: string;
  memoryPath: string;
  /** Engine that produced the targets, overriding the units' x-versio-provider prop. */
  provider?: string;
  now?: Date;
}

/** Append the TMX units to the memory (see import.ts for how they are reused). */
export async function importTmxFile(options: ImportTmxOptions): Promise<{ units: number; added: number }> {
  const xml = decodeTmx(await readInput(options.tmxPath), options.tmxPath);
  const { units } = fromTmx(xml, options.tmxPath);
  const records = importedRecords(units, {
    ...(options.provider === undefined ? {} : { provider: options.provider }),
    now: options.now ?? new Date(),
  });
  const memory = await openMemory(options.memoryPath);
  try {
    // The import key covers the target too: a unit already in the memory is not appended again.
    const unique = [...new Map(records.map((r) => [r.key, r])).values()];
    const known = await Promise.all(unique.map((r) => memory.lookup(r.key)));
    const fresh = unique.filter((_, i) => known[i] === undefined);
    await memory.append(fresh);
    return { units: units.length, added: fresh.length };
  } finally {
    await memory.close();
  }
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${describeFsError(error, 'read')}`, { cause: error });
  }
}

/** TMX 1.4b §2: UTF-8 or UTF-16 (with a byte order mark); anything else is refused. */
export function decodeTmx(bytes: Uint8Array, path: string): string {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start));
  } catch (error) {
    throw new InputError(`${path}: not valid ${encoding.toUpperCase()} text`, {
      cause: error,
      hint: 'TMX files are UTF-8, or UTF-16 with a byte order mark',
    });
  }
}
