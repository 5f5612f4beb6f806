/**
 * Parses the shell pipeline of an Apertium mode (`lt-proc -z '…automorf.bin' | apertium-tagger …`)
 * into one argv per stage, so each stage runs as its own child process and its exit is seen.
 * Mode files use only words, quotes, `|` and the `$1`/`$2` parameters; anything else is refused.
 */

export interface ModeParameters {
  /** `$1`: generation flag of lt-proc (`-n`: no unknown-word marks, as `apertium -u`). */
  generation: string;
  /** `$2`: extra tagger flag (`-m` shows ambiguity); empty drops the word. */
  tagger: string;
}

/** Returns the stages' argv, or an error message naming the construct it cannot run. */
export function parseModePipeline(script: string, params: ModeParameters): string[][] | string {
  const stages: string[][] = [[]];
  let word: string | undefined;
  let param: string | undefined;
  const endWord = () => {
    const value = param === '$1' ? params.generation : param === '$2' ? params.tagger : word;
    if (value) stages.at(-1)?.push(value);
    word = undefined;
    param = undefined;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script.charAt(i);
    if (param !== undefined && !/[\s|]/.test(c)) return `unsupported expansion '${param}${c}'`;
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      if (end === -1) return 'unterminated quote';
      word = (word ?? '') + script.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      const end = script.indexOf('"', i + 1);
      if (end === -1) return 'unterminated quote';
      const inner = script.slice(i + 1, end);
      if (/[$`\\]/.test(inner)) return `unsupported double-quoted word "${inner}"`;
      word = (word ?? '') + inner;
      i = end;
    } else if (c === '|') {
      endWord();
      stages.push([]);
    } else if (/\s/.test(c)) {
      endWord();
    } else if (c === '$') {
      param = /^\$[12](?=[\s|]|$)/.exec(script.slice(i))?.[0];
      if (!param || word !== undefined) return `unsupported expansion at '${script.slice(i, i + 12)}'`;
      i += 1;
    } else if (/[;&<>()`\\]/.test(c)) {
      return `unsupported shell syntax '${c}'`;
    } else {
      word = (word ?? '') + c;
    }
  }
  endWord();
  if (stages.some((stage) => stage.length === 0)) return 'empty stage';
  return stages;
}
