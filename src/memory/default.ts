/** The translation memory, append-only, under the working directory (its own module so `--help` loads no store). */
export const DEFAULT_MEMORY_PATH = '.versio/memory.jsonl';
