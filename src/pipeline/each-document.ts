import { ProviderError, RetriesExhaustedError } from '../errors.js';

/** The two halves of one document's trip through the run. */
export interface DocumentStages<P, T> {
  /** Read and plan, nothing sent: runs one document ahead of the slots, one at a time. */
  prepare(file: string): Promise<P>;
  /**
   * Engine, then outputs. Holds one of the `jobs` slots until it calls `release` (every request
   * of the document has left the engine's queue) or settles, whichever comes first.
   */
  run(prepared: P, release: () => void): Promise<T>;
}

/**
 * Runs the files through `stages`, results in input order. `jobs` documents at a time wait on
 * the engine's lane; one more is read and planned meanwhile, and a document gives its slot back
 * as soon as its requests have all started, so the lane always has the next document's requests
 * queued behind the current ones — with `--jobs 1` too — and is never idle while a document is
 * read, waits for its last answers or is written. Documents alive at once stay bounded: `jobs`
 * queueing, one prepared, and those whose requests are in flight (at most the lane's concurrency)
 * or being written.
 *
 * A document whose batch ran out of retries (RetriesExhaustedError) fails alone: the others
 * finish and are written, then a ProviderError names the documents left. Any other failure
 * (quota, bad key, bad input, a bug) would fail every document the same way: it stops the files
 * not yet started, lets the running ones settle, then is thrown, so nothing is still using the
 * engine when the caller closes it.
 */
export async function eachDocument<P, T>(
  files: readonly string[],
  jobs: number,
  stages: DocumentStages<P, T>,
): Promise<T[]> {
  const results: T[] = [];
  const running: Promise<void>[] = [];
  const left: { file: string; error: RetriesExhaustedError }[] = [];
  let failure: { error: unknown } | undefined;
  const settle = (file: string, error: unknown) => {
    if (error instanceof RetriesExhaustedError) left.push({ file, error });
    else failure ??= { error };
  };
  const slots = new Slots(Math.max(1, jobs));

  for (const [index, file] of files.entries()) {
    if (failure) break;
    let prepared: P;
    try {
      prepared = await stages.prepare(file);
    } catch (error) {
      settle(file, error);
      continue;
    }
    await slots.acquire();
    if (failure) {
      slots.release();
      break;
    }
    running.push(
      (async () => {
        let held = true;
        const release = () => {
          if (held) slots.release();
          held = false;
        };
        try {
          results[index] = await stages.run(prepared, release);
        } catch (error) {
          settle(file, error);
        } finally {
          release();
        }
      })(),
    );
  }
  await Promise.all(running);
  if (failure) throw failure.error;
  if (left.length > 0) throw documentsLeft(files, left);
  return results;
}

/** A counting semaphore: `acquire` waits while every slot is held. */
class Slots {
  private readonly waiting: (() => void)[] = [];

  constructor(private free: number) {}

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

function documentsLeft(
  files: readonly string[],
  left: readonly { file: string; error: RetriesExhaustedError }[],
): ProviderError {
  const ordered = [...left].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file));
  const lines = ordered.map(({ file, error }) => `  ${file}: ${error.message}`).join('\n');
  const done = files.length - left.length;
  return new ProviderError(
    `${left.length} of ${files.length} document(s) not translated (${done} written):\n${lines}`,
    {
      hint: `${ordered[0]?.error.hint ?? ''} Finished segments are kept in the memory; run the same command again to finish.`.trim(),
      cause: ordered[0]?.error,
    },
  );
}
