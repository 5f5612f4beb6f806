/**
 * The inter-process lock of a file several Versio processes write: proper-lockfile (an atomic
 * mkdir of `<file>.lock`, its mtime refreshed while held, taken over once stale, so a crashed
 * holder blocks others for `stale` ms at most). The translation memory holds it for the few
 * milliseconds of an append or a claim, and for the whole of `tm compact`, which replaces the
 * file: every writer appends under it. The repair's look-up cache holds it to merge and replace
 * its file.
 */
import { lock } from 'proper-lockfile';

/** A holder whose lock is this old (not refreshed) is taken to have died. */
const STALE_MS = 5_000;

export async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const release = await lock(path, {
    realpath: false,
    lockfilePath: `${path}.lock`,
    stale: STALE_MS,
    // Waits out a compaction of a large memory (seconds) or a stale lock.
    retries: { retries: 2000, factor: 1.1, minTimeout: 2, maxTimeout: 50 },
    // The default throws from a timer (an uncaught exception); losing the lock (its directory
    // removed by hand) is not worth crashing a run over: appends stay whole lines either way.
    onCompromised: () => undefined,
  });
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
