/**
 * TBX import: v3 (ISO 30042:2019, `<tbx>`, conceptEntry/langSec/termSec) and 2008 (`<martif>`,
 * termEntry/langSet/tig or ntig). See tbx.ts for the mapping. From files written by other tools:
 * all source-language terms become French forms (preferred first); the target-language preferred term
 * (else the first one not deprecated) is the English form; deprecated, superseded and obsolete
 * English terms are forbidden variants; other admitted English terms are dropped (a glossary entry has
 * one English form); a subjectField that is not one of our types gives type `other`.
 */
import { InputError } from '../errors.js';
import {
  attrKey,
  childElements,
  descendants,
  parseXmlTree,
  textOf,
  XML_NS,
  type XmlElement,
  type XmlFormat,
} from '../xml/tree.js';
import { checkEntries } from './checks.js';
import { makeEntry, makeGlossary, slugify } from './entry.js';
import { FLAGS_PREFIX, type Flags, parseFlags } from './tbx-flags.js';
import type { EntityType, Glossary, GlossaryEntry } from './types.js';

// TBX 2008 files carry an external DOCTYPE (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`): ignored, never fetched.
const TBX: XmlFormat = { name: 'TBX', externalDoctype: 'ignore' };
const TBX3_NS = 'urn:iso:std:iso:30042:ed-2';
const XML_LANG = attrKey('lang', XML_NS);
const TYPES = new Set<EntityType>(['person', 'place', 'organisation', 'other']);
const FORBIDDEN = /^(deprecatedTerm|supersededTerm|obsoleteTerm|notRecommended)/;

interface Term {
  text: string;
  status: string;
  line: number;
}

export function fromTbx(xml: string, path: string): Glossary {
  const root = parseXmlTree(xml, path, TBX);
  const v3 = root.name === 'tbx' && (root.uri === TBX3_NS || root.uri === '');
  if (!v3 && root.name !== 'martif') {
    throw new InputError(
      `${path}:${root.line}: not TBX: root element is <${root.name}>, expected <tbx> or <martif>`,
    );
  }
  const concepts = descendants(root, v3 ? 'conceptEntry' : 'termEntry');
  const read = concepts.map((concept) => ({ concept, terms: termsByLanguage(concept) }));
  const langs = new Set(read.flatMap(({ terms }) => [...terms.keys()]));
  const rootLang = primary(root.attrs.get(XML_LANG) ?? '');
  const sourceLang = langs.has(rootLang) ? rootLang : langs.has('fr') ? 'fr' : ([...langs][0] ?? 'fr');
  const targetLang =
    langs.has('en') && sourceLang !== 'en' ? 'en' : ([...langs].find((l) => l !== sourceLang) ?? 'en');

  const problems: string[] = [];
  const taken = new Set<string>();
  const entries: GlossaryEntry[] = [];
  read.forEach(({ concept, terms }, index) => {
    const givenId = concept.attrs.get('id') ?? '';
    const where = `${path}:${concept.line}: concept${givenId ? ` "${givenId}"` : ` ${index + 1}`}`;
    const french = order(terms.get(sourceLang) ?? []);
    const target = terms.get(targetLang) ?? [];
    const english =
      target.find((t) => t.status.startsWith('preferredTerm')) ??
      target.find((t) => !FORBIDDEN.test(t.status));
    if (french.length === 0 || !english) {
      problems.push(`${where}: no ${french.length === 0 ? sourceLang : targetLang} term`);
      return;
    }
    const empty = [...french, ...target].find((t) => t.text === '');
    if (empty) {
      problems.push(`${path}:${empty.line}: empty <term>`);
      return;
    }
    const flags = readFlags(concept, where, problems);
    const subjectField = childElements(concept, 'descrip').find(
      (d) => d.attrs.get('type') === 'subjectField',
    );
    const subject = subjectField && textOf(subjectField).trim();
    const notes = childElements(concept, 'note')
      .map((n) => textOf(n).trim())
      .filter((n) => !n.startsWith(FLAGS_PREFIX));
    const id =
      /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(givenId) && !taken.has(givenId)
        ? givenId
        : slugify(givenId || english.text, taken);
    taken.add(id);
    entries.push(
      makeEntry({
        id,
        type: TYPES.has(subject as EntityType) ? (subject as EntityType) : 'other',
        french: french.map((t) => t.text),
        english: english.text,
        forbidden: target.filter((t) => FORBIDDEN.test(t.status)).map((t) => t.text),
        note: notes.length > 0 ? notes.join('\n') : undefined,
        ...flags,
        line: concept.line,
      }),
    );
  });
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  if (entries.length === 0) throw new InputError(`${path}: glossary has no entries`);
  const issues = checkEntries(entries).map(
    (i) => `${path}:${i.entry.line}: entry "${i.entry.id}": ${i.message}`,
  );
  if (issues.length > 0) throw new InputError(issues.join('\n'));
  return makeGlossary(path, sourceLang, targetLang, entries);
}

/** Terms of a concept by primary language subtag, in document order. */
function termsByLanguage(concept: XmlElement): Map<string, Term[]> {
  const byLang = new Map<string, Term[]>();
  for (const section of descendants(concept, 'langSec', 'langSet')) {
    const lang = primary(section.attrs.get(XML_LANG) ?? '');
    const terms = byLang.get(lang) ?? [];
    for (const group of descendants(section, 'termSec', 'tig', 'ntig')) {
      const term = descendants(group, 'term')[0];
      if (!term) continue;
      const statusNote = descendants(group, 'termNote').find(
        (n) => n.attrs.get('type') === 'administrativeStatus',
      );
      const status = statusNote ? textOf(statusNote).trim() : '';
      terms.push({ text: textOf(term).trim().replace(/\s+/g, ' '), status, line: term.line });
    }
    byLang.set(lang, terms);
  }
  return byLang;
}

/** Preferred term first, the others in document order. */
function order(terms: Term[]): Term[] {
  const preferred = terms.find((t) => t.status.startsWith('preferredTerm'));
  if (preferred === undefined) return terms;
  return [preferred, ...terms.filter((t) => t !== preferred)];
}

function readFlags(concept: XmlElement, where: string, problems: string[]): Flags {
  const note = childElements(concept, 'note')
    .map((n) => textOf(n).trim())
    .find((text) => text.startsWith(FLAGS_PREFIX));
  if (note === undefined) return {};
  const flags = parseFlags(note);
  if (typeof flags === 'string') {
    problems.push(`${where}: ${flags}`);
    return {};
  }
  return flags;
}

function primary(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}
