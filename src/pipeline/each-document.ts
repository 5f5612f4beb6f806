import PQueue from 'p-queue';
import { ProviderError, RetriesExhaustedError } from '../errors.js';

/**
 * Runs `work` over the files, `concurrency` at a time, results in input order. A document whose
 * batch ran out of retries (RetriesExhaustedError) fails alone: the others finish and are
 * written, then a ProviderError names the documents left. Any other failure (quota, bad key,
 * bad input, a bug) would fail every document the same way: it stops the files not yet
 * started, lets the running ones settle, then is thrown, so nothing is still using the engine
 * when the caller closes it.
 */
export async function eachDocument<T>(
  files: readonly string[],
  concurrency: number,
  work: (file: string) => Promise<T>,
): Promise<T[]> {
  const queue = new PQueue({ concurrency: Math.max(1, concurrency) });
  const results: T[] = [];
  let failure: { error: unknown } | undefined;
  const left: { file: string; error: RetriesExhaustedError }[] = [];
  files.forEach((file, index) => {
    void queue.add(async () => {
      if (failure) return;
      try {
        results[index] = await work(file);
      } catch (error) {
        if (error instanceof RetriesExhaustedError) {
          left.push({ file, error });
          return;
        }
        failure ??= { error };
        queue.clear();
      }
    });
  });
  await queue.onIdle();
  if (failure) throw failure.error;
  if (left.length > 0) throw documentsLeft(files, left);
  return results;
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
