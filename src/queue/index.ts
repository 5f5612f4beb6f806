/** The queue: batching, pacing (p-queue) and retries between the pipeline and a Provider. */
export { makeBatches } from './batches.js';
export { defaultQueueOptions, type QueueOptions } from './options.js';
export { parseRetryAfter, RetryableError } from './retryable.js';
export {
  createRequestQueue,
  type QueueEvent,
  type TranslateAllOptions,
  translateAll,
} from './translate-all.js';
