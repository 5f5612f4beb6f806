/** The queue: batching, the run's scheduler per provider (pacing, pauses) and retries. */
export { makeBatches } from './batches.js';
export { Scheduler } from './scheduler.js';
export { type QueueEvent, type TranslateAllOptions, translateAll } from './translate-all.js';
