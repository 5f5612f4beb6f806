/**
 * TBX export, in two dialects:
 * - `tbx3`: ISO 30042:2019, TBX-Basic, DCA style (`<tbx>`, conceptEntry/langSec/termSec/term);
 * - `tbx2008`: ISO 30042:2008, TBX-Basic (`<martif type="TBX">`, termEntry/langSet/tig/term).
 * Mapping (TBX-Basic data categories only, so the files stay valid TBX-Basic):
 * - id → conceptEntry/termEntry `id`; type → `<descrip type="subjectField">` (TBX-Basic has no
 *   named-entity category; the subject field is the closest concept-level one);
 * - French forms → source-language terms, the canonical one `preferredTerm-admn-sts`, variants
 *   `admittedTerm-admn-sts`; English form → `preferredTerm-admn-sts`, forbidden variants
 *   `deprecatedTerm-admn-sts` (termNote administrativeStatus); `partOfSpeech` properNoun for entities;
 * - note → `<note>`; policy, article, ignoreCase, ignoreAccents (no TBX data category) → one
 *   concept-level `<note>versio: policy=provider; article=the; …</note>`, written only when not default.
 * Nothing the glossary holds is lost; other tools show the `versio:` note as a plain note.
 */
import { escapeXmlAttr, escapeXmlText } from '../xml/escape.js';
import { flagsNote } from './tbx-flags.js';
import type { Glossary, GlossaryEntry } from './types.js';

export { fromTbx } from './tbx-read.js';

export type TbxDialect = 'tbx3' | 'tbx2008';

export function toTbx(glossary: Glossary, dialect: TbxDialect): string {
  const v3 = dialect === 'tbx3';
  const lang = escapeXmlAttr(glossary.sourceLang);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (v3) {
    lines.push(`<tbx type="TBX-Basic" style="dca" xml:lang="${lang}" xmlns="urn:iso:std:iso:30042:ed-2">`);
    lines.push(
      '  <tbxHeader>',
      '    <fileDesc>',
      '      <sourceDesc>',
      '        <p>Versio named-entity glossary</p>',
    );
    lines.push('      </sourceDesc>', '    </fileDesc>', '  </tbxHeader>');
  } else {
    lines.push(`<martif type="TBX" xml:lang="${lang}">`);
    lines.push(
      '  <martifHeader>',
      '    <fileDesc>',
      '      <sourceDesc>',
      '        <p>Versio named-entity glossary</p>',
    );
    lines.push('      </sourceDesc>', '    </fileDesc>');
    lines.push(
      '    <encodingDesc>',
      '      <p type="XCSURI">TBXBasicXCSV02.xcs</p>',
      '    </encodingDesc>',
      '  </martifHeader>',
    );
  }
  lines.push('  <text>', '    <body>');
  for (const entry of glossary.entries) lines.push(...concept(entry, glossary, v3));
  lines.push('    </body>', '  </text>', v3 ? '</tbx>' : '</martif>', '');
  return lines.join('\n');
}

function concept(entry: GlossaryEntry, glossary: Glossary, v3: boolean): string[] {
  const [entryTag, langTag, termTag] = v3
    ? ['conceptEntry', 'langSec', 'termSec']
    : ['termEntry', 'langSet', 'tig'];
  const pos = entry.type === 'other' ? undefined : 'properNoun';
  const term = (text: string, status: string) => [
    `        <${termTag}>`,
    `          <term>${escapeXmlText(text)}</term>`,
    ...(pos ? [`          <termNote type="partOfSpeech">${pos}</termNote>`] : []),
    `          <termNote type="administrativeStatus">${status}</termNote>`,
    `        </${termTag}>`,
  ];
  const flags = flagsNote(entry);
  return [
    `      <${entryTag} id="${escapeXmlAttr(entry.id)}">`,
    `        <descrip type="subjectField">${entry.type}</descrip>`,
    ...(entry.note !== undefined ? [`        <note>${escapeXmlText(entry.note)}</note>`] : []),
    ...(flags !== undefined ? [`        <note>${escapeXmlText(flags)}</note>`] : []),
    `        <${langTag} xml:lang="${escapeXmlAttr(glossary.sourceLang)}">`,
    ...entry.french.flatMap((f, i) => term(f, i === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts')),
    `        </${langTag}>`,
    `        <${langTag} xml:lang="${escapeXmlAttr(glossary.targetLang)}">`,
    ...term(entry.english, 'preferredTerm-admn-sts'),
    ...entry.forbidden.flatMap((f) => term(f, 'deprecatedTerm-admn-sts')),
    `        </${langTag}>`,
    `      </${entryTag}>`,
  ];
}
