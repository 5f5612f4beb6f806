/**
 * The longest run of literal text every match of a rule's pattern contains, found without
 * running the pattern: postEdit (apply.ts) skips a rule whose run is not in the segment. Most
 * rules match a phrase ("has declared", "the week last") that most segments lack, and a
 * pattern costs its compilation the first time it runs: skipping it costs an `includes`.
 *
 * Conservative: only characters at the pattern's top level count (not inside a group or a
 * class), a character a quantifier may drop ends the run before it, and a pattern with a
 * top-level alternative has none. Patterns are compiled with the `u` flag and without `i`.
 */

/** Escapes of punctuation stand for the character itself; escapes of letters and digits for a class or an assertion. */
const LITERAL_ESCAPE = /^[^\p{L}\p{N}]$/u;

/** Index just past the group or class that opens at `start` (`(` or `[`). */
function skipBracket(pattern: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        if (depth === 0) return i + 1;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return pattern.length;
}

/** Index just past the quantifier at `i` (with its lazy `?`), or `i` when there is none; and whether it allows zero. */
function quantifierAt(pattern: string, i: number): { end: number; optional: boolean; repeats: boolean } {
  const c = pattern[i];
  let end = i;
  let optional = false;
  if (c === '?' || c === '*') {
    end = i + 1;
    optional = true;
  } else if (c === '+') end = i + 1;
  else if (c === '{') {
    const bounds = /^\{(\d*)(,\d*)?\}/u.exec(pattern.slice(i));
    if (!bounds) return { end: i, optional: false, repeats: false };
    end = i + bounds[0].length;
    optional = Number(bounds[1] || '0') === 0;
  } else return { end: i, optional: false, repeats: false };
  if (pattern[end] === '?') end++;
  return { end, optional, repeats: true };
}

export function requiredLiteral(pattern: string): string | undefined {
  const runs: string[] = [];
  let run = '';
  const endRun = () => {
    if (run) runs.push(run);
    run = '';
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    let atom: string | undefined; // the literal character this atom stands for, if it is one
    let next: number;
    if (c === '|') return undefined;
    if (c === '(' || c === '[') next = skipBracket(pattern, i);
    else if (c === '\\') {
      const escaped = String.fromCodePoint(pattern.codePointAt(i + 1) ?? 0);
      next = i + 1 + escaped.length;
      if (LITERAL_ESCAPE.test(escaped)) atom = escaped;
      else if (/[pPu]/u.test(escaped) && pattern[next] === '{')
        next = pattern.indexOf('}', next) + 1 || pattern.length;
      else if (escaped === 'u') next += 4;
      else if (escaped === 'x') next += 2;
      else if (escaped === 'k' && pattern[next] === '<')
        next = pattern.indexOf('>', next) + 1 || pattern.length;
      else if (escaped === 'c') next += 1;
      else if (/\d/u.test(escaped)) while (/\d/u.test(pattern[next] ?? '')) next++; // \12: one back-reference
    } else if (c === '.' || c === '^' || c === '$') next = i + 1;
    else {
      atom = String.fromCodePoint(pattern.codePointAt(i) ?? 0);
      next = i + atom.length;
    }
    const quantifier = quantifierAt(pattern, next);
    if (atom === undefined || quantifier.optional) endRun();
    else {
      run += atom;
      // x+ or x{2,}: the x is there, but what follows need not be next to this run's start.
      if (quantifier.repeats) endRun();
    }
    i = quantifier.end;
  }
  endRun();
  const longest = runs.reduce((best, r) => (r.length > best.length ? r : best), '');
  return longest.length >= 2 ? longest : undefined;
}
