/**
 * One error of a kind a reviewer catches, injected into a clean translation — the error-injection
 * harness's core (run.ts builds the XLIFF files and runs `versio check` on them). Pure and
 * deterministic: where an error goes is drawn from a PRNG seeded with the pair's index and the kind,
 * so every run injects the same errors. An injection returns undefined when the pair gives it nothing
 * to work on (no number to change, no quotation to turn into « »).
 */

export interface Pair {
  fr: string;
  en: string;
}

/** What a glossary says about one entity, enough to misspell it or use a forbidden variant. */
export interface EntityForms {
  english: string;
  forbidden: readonly string[];
}

export interface Injected {
  /** The broken target. */
  target: string;
  /** For `inconsistent`: a second unit with the same source and this other target follows the clean one. */
  duplicate?: boolean;
}

export interface InjectContext {
  entities: readonly EntityForms[];
  random: () => number;
}

type Injector = (pair: Pair, ctx: InjectContext) => Injected | undefined;

const EN_NUMBER_WORDS = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'thousand',
  'million',
  'billion',
  'third',
  'fourth',
  'fifth',
];

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

function replaceAt(text: string, start: number, end: number, by: string): string {
  return text.slice(0, start) + by + text.slice(end);
}

/** Words of the target (letters only), with their offsets; the first word is left out where it matters. */
function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/\p{L}+/gu)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const changedNumber: Injector = ({ en }, { random }) => {
  const digits = [...en.matchAll(/\d+/g)];
  const run = pick(digits, random);
  if (run) {
    const at = run.index + run[0].length - 1;
    const digit = Number(en[at]);
    return { target: replaceAt(en, at, at + 1, String((digit + 1 + Math.floor(random() * 8)) % 10)) };
  }
  const words = wordsOf(en).filter((w) => EN_NUMBER_WORDS.includes(w.word.toLowerCase()));
  const word = pick(words, random);
  if (!word) return undefined;
  const others = EN_NUMBER_WORDS.filter(
    (w) => w !== word.word.toLowerCase() && !['hundred', 'thousand', 'million', 'billion'].includes(w),
  );
  const by = pick(others, random);
  if (by === undefined) return undefined;
  const cased = /^\p{Lu}/u.test(word.word) ? by.charAt(0).toUpperCase() + by.slice(1) : by;
  return { target: replaceAt(en, word.start, word.end, cased) };
};

function entityIn(en: string, entities: readonly EntityForms[], random: () => number) {
  const present = entities.filter((e) => en.includes(e.english));
  return pick(present, random);
}

const misspeltEntity: Injector = ({ en }, { entities, random }) => {
  const entity = entityIn(en, entities, random);
  if (!entity) return undefined;
  const name = entity.english;
  // Drop or double one inner letter: Brusels, Warrsaw.
  const letters = [...name.matchAll(/\p{L}/gu)].filter((m) => m.index > 0 && m.index < name.length - 1);
  const letter = pick(letters, random);
  if (!letter) return undefined;
  const wrong =
    random() < 0.5
      ? replaceAt(name, letter.index, letter.index + 1, '')
      : replaceAt(name, letter.index, letter.index, letter[0]);
  return { target: en.replace(name, wrong) };
};

const forbiddenEntity: Injector = ({ en }, { entities, random }) => {
  const entity = entityIn(en, entities, random);
  const variant = entity && pick(entity.forbidden, random);
  if (!entity || !variant) return undefined;
  return { target: en.replace(entity.english, variant) };
};

const untranslated: Injector = ({ fr }) => ({ target: fr });

const empty: Injector = () => ({ target: '' });

const guillemets: Injector = ({ en }) => {
  if (!/[“"]/.test(en)) return undefined;
  let open = true;
  const target = en.replace(/[“”"]/g, (q) => {
    const mark = q === '“' || (q === '"' && open) ? '« ' : ' »';
    open = mark !== '« ';
    return mark;
  });
  return { target: target.replace(/« +/g, '« ').replace(/ +»/g, ' »') };
};

const frenchSpacing: Injector = ({ en }, { random }) => {
  const marks = [...en.matchAll(/(?<=\S)[?!:;%]/g)];
  const mark = pick(marks, random);
  if (!mark) return undefined;
  return { target: replaceAt(en, mark.index, mark.index, random() < 0.5 ? ' ' : '\u00A0') };
};

const doubledWord: Injector = ({ en }, { random }) => {
  // A whole word between spaces, not the "th" of "19th".
  const word = pick(
    wordsOf(en)
      .slice(1)
      .filter((w) => /(?:^|\s)$/.test(en.slice(0, w.start)) && /^(?:\s|$)/.test(en.slice(w.end))),
    random,
  );
  if (!word) return undefined;
  return { target: replaceAt(en, word.end, word.end, ` ${word.word}`) };
};

const doubleSpace: Injector = ({ en }, { random }) => {
  const spaces = [...en.matchAll(/ /g)];
  const space = pick(spaces, random);
  if (!space) return undefined;
  return { target: replaceAt(en, space.index, space.index + 1, '  ') };
};

const missingEndPunctuation: Injector = ({ en }) => {
  const match = /[.?!…:;](?=[”"’)]*$)/.exec(en);
  if (!match) return undefined;
  return { target: replaceAt(en, match.index, match.index + 1, '') };
};

const unbalancedBracket: Injector = ({ en }, { random }) => {
  const close = en.lastIndexOf(')');
  if (close >= 0) return { target: replaceAt(en, close, close + 1, '') };
  const quote = en.lastIndexOf('”');
  if (quote >= 0) return { target: replaceAt(en, quote, quote + 1, '') };
  const word = pick(wordsOf(en).slice(1), random);
  if (!word) return undefined;
  return { target: replaceAt(en, word.start, word.start, '(') };
};

const truncated: Injector = ({ en }, { random }) => {
  const words = wordsOf(en);
  if (words.length < 4) return undefined;
  // Cut after 40–70 % of the words, as a segment lost at a line break or a length limit.
  const keep = Math.max(2, Math.floor(words.length * (0.4 + random() * 0.3)));
  const last = words[keep - 1];
  return last && { target: en.slice(0, last.end) };
};

const changedLink: Injector = ({ en }, { random }) => {
  const links = [
    ...en.matchAll(
      /(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|#\w+|@\w+|\b[a-z0-9-]+\.(?:fr|com|org)\b/g,
    ),
  ];
  const link = pick(links, random);
  if (!link) return undefined;
  const letters = [...link[0].matchAll(/[a-z]/g)].filter((m) => m.index > 1);
  const letter = pick(letters, random);
  if (!letter) return undefined;
  const at = link.index + letter.index;
  return { target: replaceAt(en, at, at + 1, letter[0] === 'e' ? 'a' : 'e') };
};

const inconsistent: Injector = ({ en }, { random }) => {
  // The second occurrence drops one word: a different, still plausible-looking translation.
  const word = pick(
    wordsOf(en)
      .slice(1)
      .filter((w) => w.word.length >= 3),
    random,
  );
  if (!word) return undefined;
  return {
    target: replaceAt(en, word.start, word.end + (en[word.end] === ' ' ? 1 : 0), ''),
    duplicate: true,
  };
};

const lowerCaseStart: Injector = ({ fr, en }) => {
  const at = en.search(/\p{L}/u);
  if (at < 0 || !/^\p{Lu}/u.test(en.slice(at)) || !/^[^\p{L}\d]*\p{Lu}/u.test(fr)) return undefined;
  return { target: replaceAt(en, at, at + 1, en.charAt(at).toLowerCase()) };
};

export const ERROR_KINDS = {
  'changed number': changedNumber,
  'misspelt entity': misspeltEntity,
  'forbidden entity': forbiddenEntity,
  untranslated,
  empty,
  '« » left': guillemets,
  'French spacing': frenchSpacing,
  'doubled word': doubledWord,
  'double space': doubleSpace,
  'missing end punctuation': missingEndPunctuation,
  'unbalanced bracket': unbalancedBracket,
  'truncated target': truncated,
  'changed URL': changedLink,
  'inconsistent translation': inconsistent,
  'lower-case start': lowerCaseStart,
} satisfies Record<string, Injector>;

export type ErrorKind = keyof typeof ERROR_KINDS;

/** mulberry32: a small seeded PRNG, so the same pair and kind always get the same error. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function inject(
  kind: ErrorKind,
  pair: Pair,
  index: number,
  entities: readonly EntityForms[],
): Injected | undefined {
  const kindSeed = [...kind].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);
  return ERROR_KINDS[kind](pair, { entities, random: seeded(kindSeed ^ (index * 2654435761)) });
}
