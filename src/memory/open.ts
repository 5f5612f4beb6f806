/**
 * Opens the translation memory a `--memory` value names: a JSON Lines file, or a Redis URL
 * (`redis://host:port`) for the memory every worker of a scale-out set-up shares. The Redis
 * store is loaded only when asked for, so a one-machine run never loads ioredis.
 */
import { resolve } from 'node:path';
import type { MemoryStore } from './memory-store.js';

export function isSharedMemory(location: string): boolean {
  return /^rediss?:\/\//i.test(location);
}

/** A memory file is relative to the working directory; a Redis URL is taken as it is. */
export function memoryLocation(cwd: string, location: string): string {
  return isSharedMemory(location) ? location : resolve(cwd, location);
}

export async function openMemory(location: string): Promise<MemoryStore> {
  if (isSharedMemory(location)) {
    const { RedisMemory } = await import('../scale/redis-memory.js');
    return RedisMemory.open(location);
  }
  const { TranslationMemory } = await import('./store.js');
  return TranslationMemory.open(location);
}
