/**
 * Claims: how processes sharing one memory file avoid paying twice for a segment. They live in
 * a sidecar file, `<memory>.claims` (the memory itself keeps only records, which older versions
 * and other tools read), appended under the memory's lock, one JSON object a line:
 *
 *   {"owner":"<uuid>","keys":["<key>",…],"until":<ms>}   I am sending these keys
 *   {"owner":"<uuid>","until":<ms>}                      heartbeat: my claims live until <ms>
 *   {"owner":"<uuid>","released":["<key>",…]}            I gave these up (a failed batch)
 *
 * A key is claimed by another process while its owner's lease (the latest `until` it wrote)
 * has not passed and it has not released the key; a process that closes writes `until: 0`.
 * A claimant that crashes stops renewing its lease, and waiters take over once it expires.
 * When no lease is live the file is dropped (replaced, so a reader notices by its inode).
 */
import type { FileHandle } from 'node:fs/promises';
import { open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { linesFrom, nextOffset } from './scan.js';

interface ClaimLine {
  owner: string;
  keys?: string[];
  released?: string[];
  until?: number;
}

export class ClaimBook {
  readonly path: string;
  private readonly leases = new Map<string, number>();
  private readonly owners = new Map<string, string>();
  private end = 0;
  private ino: number | undefined;
  private reading: Promise<unknown> = Promise.resolve();

  constructor(memoryPath: string) {
    this.path = `${memoryPath}.claims`;
  }

  /** The owner of a live claim on `key` other than `me`, if any. */
  claimedBy(key: string, me: string, now: number): string | undefined {
    const owner = this.owners.get(key);
    if (owner === undefined || owner === me) return undefined;
    return (this.leases.get(owner) ?? 0) > now ? owner : undefined;
  }

  /** Whether anyone other than `me` holds a live lease. */
  othersLive(me: string, now: number): boolean {
    for (const [owner, until] of this.leases) if (owner !== me && until > now) return true;
    return false;
  }

  /** Read what was appended since the last call (from the start if the file was replaced). */
  refresh(): Promise<void> {
    const done = this.reading.then(() => this.readTail());
    this.reading = done.catch(() => undefined);
    return done;
  }

  private async readTail(): Promise<void> {
    const info = await stat(this.path).catch(() => undefined);
    if (info === undefined || info.ino !== this.ino || info.size < this.end) this.reset(info?.ino);
    if (info === undefined) return;
    let handle: FileHandle;
    try {
      handle = await open(this.path, 'r');
    } catch {
      return;
    }
    try {
      for await (const lines of linesFrom(handle, this.end)) {
        for (const line of lines) {
          this.apply(line.bytes.toString('utf8'));
          this.end = nextOffset(line);
        }
      }
    } finally {
      await handle.close();
    }
  }

  /** Append lines (the caller holds the memory's lock). Not fsynced: a lost claim costs at most a payment. */
  async write(lines: readonly ClaimLine[]): Promise<void> {
    if (lines.length === 0) return;
    const handle = await open(this.path, 'a');
    try {
      await handle.write(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    } finally {
      await handle.close();
    }
    await this.refresh();
  }

  /** Drop the file when no lease but `me`'s is live (the caller holds the lock and has no claim). */
  async dropIfIdle(me: string, now: number): Promise<void> {
    if (this.end === 0 || this.othersLive(me, now)) return;
    // Replaced by an empty file rather than unlinked: readers polling it see the new inode.
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, '');
    await rename(temp, this.path).catch(async () => unlink(temp).catch(() => undefined));
    await this.refresh();
  }

  private reset(ino: number | undefined): void {
    this.ino = ino;
    this.end = 0;
    this.leases.clear();
    this.owners.clear();
  }

  private apply(text: string): void {
    let line: ClaimLine;
    try {
      line = JSON.parse(text) as ClaimLine;
    } catch {
      return; // torn by a crash: a claim lost, which costs at most one payment
    }
    if (typeof line?.owner !== 'string') return;
    for (const key of line.keys ?? []) this.owners.set(key, line.owner);
    for (const key of line.released ?? []) {
      if (this.owners.get(key) === line.owner) this.owners.delete(key);
    }
    if (typeof line.until === 'number') this.leases.set(line.owner, line.until);
  }
}

export type { ClaimLine };
