/**
 * What travels through BullMQ between `versio translate --redis` (the enqueuer) and
 * `versio worker`: one job per engine request (a batch of protected sentences), so the
 * provider's pacing is the queue's global rate limit. Job ids are content hashes: enqueuing
 * the same batch twice (a rerun, two enqueuers) makes one job. Glossary terms for the engine
 * travel by hash, stored once in Redis.
 */
import { createHash } from 'node:crypto';
import type { EnglishStyle } from '../postedit/types.js';
import type { ProviderName } from '../providers/index.js';
import type { Formality, ProviderTerm, SourceText, TranslateResult } from '../providers/provider.js';

export const JOB_NAME = 'translate';

/** One queue per engine: workers of an engine take only its requests. */
export function queueName(provider: ProviderName): string {
  return `versio-${provider}`;
}

export const glossaryKey = (hash: string) => `versio:glossary:${hash}`;

/** The engine options a worker builds its provider from (no key: workers hold their own). */
export interface EngineOptions {
  sourceLang: string;
  targetLang: string;
  formality?: Formality;
  style?: EnglishStyle;
  model?: string;
  /** Hash of the provider terms stored at `versio:glossary:<hash>`. */
  glossaryHash?: string;
}

export interface RequestJobData {
  provider: ProviderName;
  options: EngineOptions;
  texts: SourceText[];
}

export type RequestJobResult = TranslateResult;

export function jobId(data: RequestJobData, fingerprint: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([fingerprint, data]))
    .digest('hex');
  return `${data.provider}-${hash.slice(0, 40)}`;
}

export function termsHash(terms: readonly ProviderTerm[]): string {
  return createHash('sha256').update(JSON.stringify(terms)).digest('hex').slice(0, 32);
}

/**
 * A job's failure carries the exit code of the error that ended it (`[exit 4] …`), so the
 * enqueuer stops with the code a local run would have.
 */
/**
 * `retryable`: the request failed for a reason worth retrying (5xx, timeout, 429s past the retry
 * budget); once the job has no attempt left, the enqueuer fails only the document it belongs to.
 */
export function failureText(exitCode: number, message: string, retryable = false): string {
  return `[exit ${exitCode}${retryable ? ' retryable' : ''}] ${message}`;
}

export function parseFailure(reason: string): { exitCode: number; message: string; retryable: boolean } {
  const match = /^\[exit (\d+)( retryable)?\] ([\s\S]*)$/.exec(reason);
  return match
    ? { exitCode: Number(match[1]), message: match[3] ?? '', retryable: match[2] !== undefined }
    : { exitCode: 3, message: reason, retryable: false };
}

/**
 * When a job first met a 429 (ms), for the retry budget of its 429s. A key of its own with an
 * expiry, so a job that ends another way (a fatal error, a dead worker) leaves nothing behind.
 */
export function limitedKey(queue: string, jobId: string): string {
  return `versio:limited:${queue}:${jobId}`;
}
