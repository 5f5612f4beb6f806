/**
 * The child processes of this test process, read from /proc: the Apertium provider
 * spawns every pipeline stage as a direct child, so tests can see, kill and count them.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ChildInfo {
  pid: number;
  /** Executable name as the kernel reports it (`lt-proc`, `apertium-tagger`). */
  command: string;
  /** `Z` for a zombie (exited, not reaped). */
  state: string;
}

function stat(pid: number): { ppid: number; info: ChildInfo } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may contain spaces and parentheses.
    const close = text.lastIndexOf(')');
    const [state = '', ppid = ''] = text.slice(close + 2).split(' ');
    return { ppid: Number(ppid), info: { pid, command: text.slice(text.indexOf('(') + 1, close), state } };
  } catch {
    return undefined; // exited while we read
  }
}

export function childProcesses(): ChildInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      const entry = stat(Number(name));
      return entry && entry.ppid === process.pid ? [entry.info] : [];
    });
}

/** Children running an Apertium or lttoolbox stage. */
export function apertiumStages(): ChildInfo[] {
  return childProcesses().filter((child) => /^(lt-|lrx-|apertium)/.test(child.command));
}

/** Whether a process with this id still exists (a zombie counts as existing). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `condition` holds; throws after `timeoutMs` with `what` in the message. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
