/**
 * TMX reader (1.4b; 1.1–1.3 files read the same way, with `lang` instead of `xml:lang`).
 * Streams the file through saxes, which never fetches a DTD nor expands declared entities.
 */
import { SaxesParser } from 'saxes';
import { InputError } from '../errors.js';

export interface TmxUnit {
  source: string;
  target: string;
  /** The target's language (`xml:lang` of its <tuv>). */
  lang: string;
  /** The source's language: the <tu> srclang, else the header's. */
  sourceLang: string;
  /** <prop> elements of the <tu>, by type (the last one wins). */
  props: Record<string, string>;
  /** <tu> creationdate (or changedate) as an ISO 8601 string, when given. */
  createdAt?: string;
  /** 1-based line of the <tu>, for messages. */
  line: number;
}

export interface TmxFile {
  sourceLang: string;
  units: TmxUnit[];
}

// TMX 1.4b §3.7: inline elements that hold native codes, not text; <hi> and <sub> text is kept
// only outside them (sub sits inside a code element and belongs to another flow).
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph', 'ut', 'sub']);

interface Tuv {
  lang: string;
  seg: string;
}

interface OpenTu {
  line: number;
  srclang: string | undefined;
  date: string | undefined;
  props: Record<string, string>;
  tuvs: Tuv[];
}

/**
 * One unit per target <tuv> of each <tu> (a multilingual <tu> gives several). The source
 * <tuv> is the one in the source language; with srclang `*all*`, the first <tuv>.
 */
export function fromTmx(xml: string, path: string): TmxFile {
  const parser = new SaxesParser({ xmlns: false, fileName: path });
  const fail = (message: string, line = parser.line): never => {
    throw new InputError(`${path}:${line}: ${message}`);
  };
  let headerLang: string | undefined;
  let tu: OpenTu | undefined;
  let tuvLang: string | undefined;
  let seg: string | undefined;
  let prop: { type: string; text: string } | undefined;
  let codeDepth = 0;
  let root = true;
  const units: TmxUnit[] = [];

  parser.on('error', (error) => {
    // saxes messages already read `<file>:<line>:<column>: <what>`.
    throw new InputError(error.message, { cause: error, hint: 'the TMX file is not well-formed XML' });
  });
  parser.on('doctype', (doctype) => {
    // An internal subset can declare entities (billion laughs, external entities): refused.
    // The external identifier most tools write (<!DOCTYPE tmx SYSTEM "tmx14.dtd">) is harmless: never fetched.
    if (doctype.includes('['))
      fail('a DOCTYPE with an internal subset (entity declarations) is not accepted');
  });
  parser.on('opentag', (tag) => {
    const at = (name: string): string | undefined => tag.attributes[name];
    if (root) {
      root = false;
      if (tag.name !== 'tmx') fail(`not a TMX file: the root element is <${tag.name}>, not <tmx>`);
      return;
    }
    if (seg !== undefined) {
      if (CODE_ELEMENTS.has(tag.name)) codeDepth++;
      return;
    }
    switch (tag.name) {
      case 'header':
        headerLang = at('srclang') ?? fail('<header> has no srclang attribute');
        break;
      case 'tu':
        tu = {
          line: parser.line,
          srclang: at('srclang'),
          date: at('creationdate') ?? at('changedate'),
          props: {},
          tuvs: [],
        };
        break;
      case 'tuv':
        tuvLang = at('xml:lang') ?? at('lang') ?? fail('<tuv> has no xml:lang attribute');
        break;
      case 'seg':
        if (tuvLang !== undefined) seg = '';
        break;
      case 'prop':
        // Only <tu>-level props: <tuv> props describe one language's variant.
        if (tu && tuvLang === undefined)
          prop = { type: at('type') ?? fail('<prop> has no type attribute'), text: '' };
        break;
    }
  });
  const onText = (text: string): void => {
    if (seg !== undefined && codeDepth === 0) seg += text;
    else if (prop) prop.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (seg !== undefined && tag.name !== 'seg') {
      if (CODE_ELEMENTS.has(tag.name)) codeDepth--;
      return;
    }
    switch (tag.name) {
      case 'seg':
        if (tu && tuvLang !== undefined && seg !== undefined) tu.tuvs.push({ lang: tuvLang, seg });
        seg = undefined;
        break;
      case 'tuv':
        tuvLang = undefined;
        break;
      case 'prop':
        if (tu && prop) tu.props[prop.type] = prop.text;
        prop = undefined;
        break;
      case 'tu':
        if (tu) units.push(...unitsOf(tu, headerLang ?? fail('<tu> before the <header>'), fail));
        tu = undefined;
        break;
    }
  });

  if (xml.trim() === '') fail('empty file: no <tmx> element', 1);
  parser.write(xml).close();
  return { sourceLang: headerLang ?? fail('no <header> element', 1), units };
}

function unitsOf(tu: OpenTu, headerLang: string, fail: (message: string, line?: number) => never): TmxUnit[] {
  const sourceLang = tu.srclang ?? headerLang;
  const source =
    sourceLang === '*all*'
      ? tu.tuvs[0]
      : (pick(tu.tuvs, sourceLang) ??
        fail(`<tu> has no <tuv> in the source language ${sourceLang}`, tu.line));
  if (!source) return [];
  const createdAt = tu.date === undefined ? undefined : isoDate(tu.date);
  return tu.tuvs
    .filter((tuv) => tuv !== source)
    .map((tuv) => ({
      source: source.seg,
      target: tuv.seg,
      lang: tuv.lang,
      sourceLang: source.lang,
      props: { ...tu.props },
      ...(createdAt === undefined ? {} : { createdAt }),
      line: tu.line,
    }));
}

/** The <tuv> in `lang`: same tag (case-insensitive, BCP 47), else the only one with the same primary subtag. */
function pick(tuvs: readonly Tuv[], lang: string): Tuv | undefined {
  const wanted = lang.toLowerCase();
  const exact = tuvs.find((t) => t.lang.toLowerCase() === wanted);
  if (exact) return exact;
  const primary = wanted.split('-')[0];
  const close = tuvs.filter((t) => t.lang.toLowerCase().split('-')[0] === primary);
  return close.length === 1 ? close[0] : undefined;
}

/** TMX 1.4b dates: YYYYMMDDThhmmssZ (UTC). Anything else is dropped rather than guessed. */
function isoDate(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}
