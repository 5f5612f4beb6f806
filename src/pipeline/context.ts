import type { Glossary } from '../glossary/types.js';
import type { MemoryStore } from '../memory/memory-store.js';
import type { Provider } from '../providers/provider.js';
import { Scheduler } from '../queue/index.js';
import type { PipelineEvent } from './events.js';

/** What every stage of one run shares: the engine and its lane, the memory, the glossary. */
export interface PipelineContext {
  provider: Provider;
  /** Paces every request to `provider` in the run, whichever document sends it (queue/scheduler.ts). */
  scheduler: Scheduler;
  memory: MemoryStore;
  glossary: Glossary | undefined;
  signal: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
}

/** A run's context: one lane for the engine, shared by every document, so pacing holds whatever --jobs is. */
export function pipelineContext(parts: Omit<PipelineContext, 'scheduler'>): PipelineContext {
  return { ...parts, scheduler: new Scheduler(parts.provider) };
}
