/**
 * How a pipeline's stages are started under one `sh` and how they report their ends: the launch
 * script, its status lines, and which end explains the others (pipeline.ts runs it).
 */
import os from 'node:os';

export interface StageEnd {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The end that explains the others: a signal other than SIGPIPE, then an error code. */
export function rootCause(ends: readonly StageEnd[]): StageEnd | undefined {
  const rank = (end: StageEnd) =>
    end.signal && end.signal !== 'SIGPIPE' ? 0 : end.code ? 1 : end.signal ? 2 : 3;
  return [...ends].sort((a, b) => rank(a) - rank(b))[0];
}

export function describeEnd(end: StageEnd, stderr: string): string {
  const how = end.signal ? `was killed (${end.signal})` : `exited with code ${end.code}`;
  return `${end.name} ${how}${stderr ? `: ${stderr}` : ''}`;
}

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * `{ exec 4<&0; stage <&4 4<&- 3>&- & echo "pid 0 $!" >&3; wait $!; echo "end 0 $?" >&3; } | …`:
 * each stage runs in the background of its own subshell, which reports the stage's pid, reaps it
 * and reports its status. A background command's stdin would be /dev/null (dash ignores
 * `0<&0` there), hence the copy on fd 4; `3>&-` keeps the status pipe out of the stages.
 */
export function launchScript(stages: readonly (readonly string[])[]): string {
  return stages
    .map((argv, i) => {
      const command = argv.map(quote).join(' ');
      return `{ exec 4<&0; ${command} <&4 4<&- 3>&- & echo "pid ${i} $!" >&3; wait $!; echo "end ${i} $?" >&3; }`;
    })
    .join(' | ');
}

const SIGNAL_NAMES = new Map(
  Object.entries(os.constants.signals).map(([name, number]) => [number, name as NodeJS.Signals]),
);

/** A shell status: 128 + n for a stage killed by signal n. */
export function statusEnd(name: string, status: number): StageEnd {
  const signal = status > 128 ? SIGNAL_NAMES.get(status - 128) : undefined;
  return signal ? { name, code: null, signal } : { name, code: status, signal: null };
}
