/**
 * TMX reader (1.4b; 1.1–1.3 files read the same way, with `lang` instead of `xml:lang`).
 * Streams the file through the XML reader (xml/tree.ts), one <tu> at a time.
 */
import { InputError } from '../errors.js';
import {
  attrKey,
  childElements,
  parseXml,
  XML_NS,
  type XmlElement,
  type XmlFormat,
  type XmlNode,
} from '../xml/tree.js';

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

// CAT tools write the external DOCTYPE of TMX 1.4b (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`): ignored, never fetched.
const TMX: XmlFormat = { name: 'TMX', externalDoctype: 'ignore' };

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

type Fail = (message: string, line?: number) => never;

/**
 * One unit per target <tuv> of each <tu> (a multilingual <tu> gives several). The source
 * <tuv> is the one in the source language; with srclang `*all*`, the first <tuv>.
 */
export function fromTmx(xml: string, path: string): TmxFile {
  const fail: Fail = (message, line = 1) => {
    throw new InputError(`${path}:${line}: ${message}`);
  };
  let headerLang: string | undefined;
  const units: TmxUnit[] = [];
  if (xml.trim() === '') fail('empty file: no <tmx> element', 1);
  parseXml(xml, path, TMX, {
    open(element, parents) {
      if (parents.length === 0) {
        if (element.name !== 'tmx')
          fail(`not a TMX file: the root element is <${element.name}>, not <tmx>`, element.line);
        return false;
      }
      if (element.name === 'header') {
        headerLang = element.attrs.get('srclang') ?? fail('<header> has no srclang attribute', element.line);
      }
      return element.name === 'tu';
    },
    captured(tu) {
      units.push(...unitsOf(readTu(tu, fail), headerLang ?? fail('<tu> before the <header>', tu.line), fail));
    },
  });
  return { sourceLang: headerLang ?? fail('no <header> element', 1), units };
}

function readTu(tu: XmlElement, fail: Fail): OpenTu {
  const props: Record<string, string> = {};
  // Only <tu>-level props: <tuv> props describe one language's variant.
  for (const prop of childElements(tu, 'prop')) {
    props[prop.attrs.get('type') ?? fail('<prop> has no type attribute', prop.line)] = segText(prop);
  }
  const tuvs = childElements(tu, 'tuv').flatMap((tuv) => {
    const lang =
      tuv.attrs.get(attrKey('lang', XML_NS)) ??
      tuv.attrs.get('lang') ??
      fail('<tuv> has no xml:lang attribute', tuv.line);
    return childElements(tuv, 'seg').map((seg) => ({ lang, seg: segText(seg) }));
  });
  return {
    line: tu.line,
    srclang: tu.attrs.get('srclang'),
    date: tu.attrs.get('creationdate') ?? tu.attrs.get('changedate'),
    props,
    tuvs,
  };
}

/** The text of a <seg>, without what native-code elements hold. */
function segText(node: XmlNode): string {
  if (typeof node === 'string') return node;
  return node.children
    .map((child) => (typeof child !== 'string' && CODE_ELEMENTS.has(child.name) ? '' : segText(child)))
    .join('');
}

function unitsOf(tu: OpenTu, headerLang: string, fail: Fail): TmxUnit[] {
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
