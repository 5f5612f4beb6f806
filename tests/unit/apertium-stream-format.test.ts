/**
 * The Apertium stream format as Versio writes and reads it (pure; the same behaviour
 * through real Apertium is in tests/integration/apertium.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseModePipeline } from '../../src/providers/apertium/mode-commands.js';
import { decodeRecord, encodeRecord, recordMarker } from '../../src/providers/apertium/stream-format.js';

describe('encodeRecord', () => {
  it.each([
    ['plain text', 'La ville.', '[<versio-segment n="0"/>]La ville.[]\0'],
    [
      'reserved characters escaped',
      'a<b>[c]^d$e/f@g{h}\\i',
      '[<versio-segment n="0"/>]a\\<b\\>\\[c\\]\\^d\\$e\\/f\\@g\\{h\\}\\\\i[]\0',
    ],
    ['tilde in a superblank', 'a ~ b', '[<versio-segment n="0"/>]a [~] b[]\0'],
    ['NUL dropped', 'a\0b', '[<versio-segment n="0"/>]ab[]\0'],
  ])('%s', (_name, text, expected) => {
    expect(encodeRecord(text, 0)).toBe(expected);
  });
});

describe('decodeRecord', () => {
  const answer = (index: number, body: string) => `${recordMarker(index)}${body}`;

  it.each([
    ['unescapes', answer(2, 'a \\< b \\[c\\] \\\\ d[]'), 'x', 'a < b [c] \\ d'],
    ['keeps superblank content', answer(2, 'a [~] b[]'), 'x', 'a ~ b'],
    [
      'drops an unescaped @ mark, keeps an escaped @',
      answer(2, '@word mail\\@site[]'),
      'x',
      'word mail@site',
    ],
    [
      'drops * and # marks when the source has none',
      answer(2, '*zorglub and #gen[]'),
      'zorglub et gen',
      'zorglub and gen',
    ],
    ['keeps * and # the source has', answer(2, '*urgent* #tag[]'), '*urgent* #tag', '*urgent* #tag'],
    [
      'collapses space runs the source did not have',
      answer(2, 'are  approximated\u00a0 of[]'),
      'x y',
      'are approximated of',
    ],
    ['keeps space runs the source had', answer(2, 'a  b[]'), 'a  b', 'a  b'],
  ])('%s', (_name, record, source, expected) => {
    expect(decodeRecord(record, source)).toEqual({ index: 2, text: expected });
  });

  it('returns undefined when the marker is lost', () => {
    expect(decodeRecord('La ville.[]', 'La ville.')).toBeUndefined();
  });

  it('round-trips any text through encode and decode', () => {
    const text = 'x < y && z > w ]]> [a] {b} ^c$ d/e \\f @g #h *i ~j';
    const record = encodeRecord(text, 7).replace(/\0$/, '');
    expect(decodeRecord(record, text)).toEqual({ index: 7, text });
  });
});

describe('parseModePipeline', () => {
  const params = { generation: '-n', tagger: '' };

  it('splits stages, unquotes words, substitutes $1 and drops an empty $2', () => {
    const script = "lt-proc -z '/a b/x.bin' | apertium-tagger -z -g $2 '/p.prob' | lt-proc -z $1 \"/g.bin\"";
    expect(parseModePipeline(script, params)).toEqual([
      ['lt-proc', '-z', '/a b/x.bin'],
      ['apertium-tagger', '-z', '-g', '/p.prob'],
      ['lt-proc', '-z', '-n', '/g.bin'],
    ]);
  });

  it.each([
    ['redirections', 'lt-proc x > out'],
    ['command lists', 'a; b'],
    ['other expansions', 'lt-proc $HOME/x'],
    ['empty stages', 'a | | b'],
    ['unterminated quotes', "a 'b"],
  ])('refuses %s', (_name, script) => {
    expect(typeof parseModePipeline(script, params)).toBe('string');
  });
});
