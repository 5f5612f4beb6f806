/**
 * Apertium stream format, the text the mode pipelines read and write (Apertium wiki,
 * "Apertium stream format"): `^…$` are lexical units, `[…]` superblanks carry formatting
 * that passes every stage untouched, `\` escapes a reserved character.
 *
 * We write this format ourselves instead of running `apertium-destxt`/`apertium-retxt`:
 * those two do not flush on NUL, so a warm pipeline would answer only at end of input.
 */

/** Reserved in the stream format; destxt escapes the same set. */
const RESERVED = /[\\^$/@<>{}[\]]/g;

/**
 * Opens every record. A superblank, so the engine passes it through; it carries the
 * record's index so the reader can check that every segment came back once, in order.
 */
export function recordMarker(index: number): string {
  return `[<versio-segment n="${index}"/>]`;
}
const MARKER = /^\s*\[<versio-segment n="(\d+)"\/>\]/;

/**
 * One segment as a NUL-terminated record.
 * - NUL would end the record early; it has no place in prose, so it is dropped.
 * - `~` is the post-generation trigger: `lt-proc -p` eats it even when escaped, so it
 *   travels in a superblank.
 * - The closing `[]`: without a blank after the last word, `lt-proc -b -z` keeps that
 *   word (and the final full stop) until the next input arrives.
 */
export function encodeRecord(text: string, index: number): string {
  const body = text
    .replaceAll('\0', '')
    .replace(RESERVED, (c) => `\\${c}`)
    .replaceAll('~', '[~]');
  return `${recordMarker(index)}${body}[]\0`;
}

/**
 * `texts` as records, then a closing record (index = `texts.length`, empty): if the engine drops
 * a record, the closing one arrives early and the exchange ends at once instead of waiting forever.
 * Every exchange is written so, the engine server's included (engine-protocol.ts).
 */
export function batchPayload(texts: readonly string[]): string {
  return texts.map((text, index) => encodeRecord(text, index)).join('') + encodeRecord('', texts.length);
}

/** Whether `record` is the closing record of a batch of `count` texts (batchPayload). */
export function isClosingRecord(record: string, count: number): boolean {
  return decodeRecord(record, '')?.index === count;
}

export interface DecodedRecord {
  index: number;
  text: string;
}

/**
 * Reads one record the pipeline answered; `undefined` when it lost its marker. `keepUnknown`
 * leaves the `*` unknown-word marks in (the unknown-word repair reads and removes them).
 */
export function decodeRecord(record: string, source: string, keepUnknown = false): DecodedRecord | undefined {
  const marker = MARKER.exec(record);
  if (!marker?.[1]) return undefined;
  const raw = unescapeStream(record.slice(marker[0].length));
  return { index: Number(marker[1]), text: tidy(dropUnknownMarks(raw, source, keepUnknown), source) };
}

/** Unescapes `\x` and replaces each superblank by its content, as apertium-retxt does. */
function unescapeStream(stream: string): string {
  let out = '';
  let inBlank = false;
  for (let i = 0; i < stream.length; i++) {
    const c = stream[i];
    if (c === '\\' && i + 1 < stream.length) {
      out += stream[++i];
    } else if (!inBlank && c === '[') {
      inBlank = true;
    } else if (inBlank && c === ']') {
      inBlank = false;
    } else if (c === '@' && !inBlank) {
      // An unescaped `@` is always a mark (bilingual-dictionary miss): a literal `@` was
      // escaped on the way in and lt-proc writes it back escaped.
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * `lt-proc -n` (our `-u`) writes no `*` (unknown) or `#` (generation error) marks, but
 * literal `*` and `#` leave the generator unescaped, so the two cannot be told apart.
 * Strip a mark before a word only when the source has no such character at all.
 */
function dropUnknownMarks(text: string, source: string, keepUnknown: boolean): string {
  let out = text;
  for (const mark of ['*', '#'] as const) {
    if (source.includes(mark) || (keepUnknown && mark === '*')) continue;
    out = out.replace(new RegExp(`[${mark}]+(?=[\\p{L}\\p{N}])`, 'gu'), '');
  }
  return out;
}

/** Two or more spaces, no-break included. */
const SPACE_RUN = /[ \u00a0]{2,}/g;

/**
 * A word the engine drops leaves its blanks behind ("are approximated  of", sometimes a
 * no-break space and a space); collapse space runs and edge spaces the source did not have.
 */
function tidy(text: string, source: string): string {
  let out = source.match(SPACE_RUN) ? text : text.replace(SPACE_RUN, ' ');
  if (!/^\s/.test(source)) out = out.trimStart();
  if (!/\s$/.test(source)) out = out.trimEnd();
  return out;
}
