/**
 * The enqueuer's engine: a Provider whose `translate` puts the batch on the engine's BullMQ
 * queue and waits for a worker to finish it. Everything else of `versio translate` runs
 * locally and unchanged (read, segment, memory, restore, write), so the outputs are those of a
 * local run. Ctrl-C stops waiting; the jobs stay queued, and a rerun finds them by id.
 */
import type { Queue, QueueEvents } from 'bullmq';
import { InputError, ProviderError, QuotaError, type VersioError } from '../errors.js';
import type { ProviderName } from '../providers/index.js';
import type { Provider, ProviderTerm, SourceText, TranslateResult } from '../providers/provider.js';
import {
  type EngineOptions,
  glossaryKey,
  JOB_NAME,
  jobId,
  parseFailure,
  queueName,
  type RequestJobData,
  termsHash,
} from './jobs.js';
import { connectRedis, redisError, redisName } from './redis-connection.js';

export interface RemoteOptions {
  redisUrl: string;
  provider: ProviderName;
  /** The engine's own description (fingerprint, limits, placeholders): computed here, never called. */
  local: Provider;
  options: Omit<EngineOptions, 'glossaryHash'>;
  providerTerms: readonly ProviderTerm[];
}

export async function createRemoteProvider(remote: RemoteOptions): Promise<Provider & { queued: number }> {
  const name = redisName(remote.redisUrl);
  const { Queue, QueueEvents } = await import('bullmq');
  const connection = await connectRedis(remote.redisUrl);
  const queue: Queue = new Queue(queueName(remote.provider), { connection });
  // BullMQ closes only the connections it made: the ones given here are ours to close.
  const blocking = connection.duplicate();
  blocking.on('error', () => undefined);
  const events: QueueEvents = new QueueEvents(queueName(remote.provider), { connection: blocking });
  let lost: ProviderError | undefined;
  const failWaiters = new Set<(error: Error) => void>();
  const onLost = (error: unknown) => {
    lost ??= redisError(name, error);
    for (const fail of failWaiters) fail(lost);
  };
  connection.on('end', () => onLost(new Error('connection closed')));
  events.on('error', () => undefined);
  queue.on('error', () => undefined);
  // BullMQ's waitUntilFinished listens for the queue closing once per job waited for: as many as
  // the run has documents in flight, not a leak (Node warns past 10).
  queue.setMaxListeners(0);
  await events.waitUntilReady().catch((error: unknown) => {
    throw redisError(name, error);
  });

  let glossaryHash: string | undefined;
  if (remote.providerTerms.length > 0) {
    glossaryHash = termsHash(remote.providerTerms);
    await connection
      .set(glossaryKey(glossaryHash), JSON.stringify(remote.providerTerms), 'NX')
      .catch((error) => {
        throw redisError(name, error);
      });
  }
  const options: EngineOptions = { ...remote.options, ...(glossaryHash ? { glossaryHash } : {}) };
  let queued = 0;

  const provider = {
    ...remote.local,
    // The workers pace the engine (one window and one concurrency in Redis for all of them); the
    // enqueuer's lane only hands jobs to the queue, as many as its documents have (--jobs bounds
    // them). Paced here as well, a second limiter held 2 jobs at a time for their whole round
    // trip through Redis and a worker, and kept the workers short of jobs (bench figure 12a).
    pacing: { ...remote.local.pacing, concurrency: Number.POSITIVE_INFINITY, rate: Number.POSITIVE_INFINITY },
    get queued() {
      return queued;
    },
    async translate(batch: readonly SourceText[], signal: AbortSignal): Promise<TranslateResult> {
      signal.throwIfAborted();
      if (lost) throw lost;
      if (batch.length === 0) return { texts: [] };
      const data: RequestJobData = { provider: remote.provider, options, texts: [...batch] };
      const id = jobId(data, remote.local.fingerprint);
      let job = await queue.getJob(id).catch((error: unknown) => Promise.reject(redisError(name, error)));
      if (job && (await job.isFailed())) await job.retry('failed');
      job ??= await queue
        .add(JOB_NAME, data, {
          jobId: id,
          // 5xx and dropped connections: a few attempts with backoff; 429s do not count
          // (the worker pauses the whole queue instead, see worker.ts).
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 24 * 3600 },
        })
        .catch((error: unknown) => Promise.reject(redisError(name, error)));
      queued += 1;
      const result = await new Promise<RequestJobResult>((resolve, reject) => {
        const fail = (error: Error) => reject(error);
        const abort = () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
        failWaiters.add(fail);
        signal.addEventListener('abort', abort, { once: true });
        job
          ?.waitUntilFinished(events)
          .then(resolve, (error: unknown) => reject(jobError(error)))
          .finally(() => {
            failWaiters.delete(fail);
            signal.removeEventListener('abort', abort);
          });
      });
      return result;
    },
    async close() {
      await Promise.allSettled([events.close(), queue.close(), remote.local.close()]);
      blocking.disconnect();
      connection.disconnect();
    },
  };
  return provider;
}

type RequestJobResult = TranslateResult;

/** A job that failed for good: the error its worker reported, with the same exit code. */
function jobError(error: unknown): VersioError {
  const { exitCode, message } = parseFailure(error instanceof Error ? error.message : String(error));
  if (exitCode === 4) return new QuotaError(message);
  if (exitCode === 2) return new InputError(message);
  return new ProviderError(message);
}
