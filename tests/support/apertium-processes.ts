/**
 * The descendants of this test process, read from /proc: the Apertium provider starts each
 * pipeline through one `sh` (a subshell per stage), so tests can see, kill and count the stages.
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

/** Every process under this one (children, their children, …). */
export function descendantProcesses(): ChildInfo[] {
  const entries = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      const entry = stat(Number(name));
      return entry ? [entry] : [];
    });
  const found: ChildInfo[] = [];
  const parents = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { ppid, info } of entries) {
      if (parents.has(ppid) && !parents.has(info.pid)) {
        parents.add(info.pid);
        found.push(info);
        grew = true;
      }
    }
  }
  return found;
}

/** Descendants running an Apertium or lttoolbox stage. */
export function apertiumStages(): ChildInfo[] {
  return descendantProcesses().filter((child) => /^(lt-|lrx-|apertium)/.test(child.command));
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
