/**
 * Reads an XLIFF 1.2 or 2.0/2.1/2.2 file into the document model, with the position of every
 * segment for messages. The root element picks the version; anything else is refused with
 * an InputError naming the file (and line:column where the XML itself is at fault).
 */
import { InputError } from '../errors.js';
import { parseXml, type XmlElement, type XmlFormat } from '../xml/tree.js';
import { XLIFF2_NS, XLIFF22_NS } from './names2.js';
import { XLIFF12_NS } from './names12.js';
import type { ReadOptions, XliffBuilder, XliffReadResult } from './read-model.js';
import { xliff2Builder } from './read2.js';
import { xliff12Builder } from './read12.js';

// XLIFF files carry no DOCTYPE: one could only be there to declare entities.
const XLIFF: XmlFormat = { name: 'XLIFF', externalDoctype: 'refuse' };

export type { ReadOptions, SegmentLocation, XliffReadResult } from './read-model.js';

/** `path` is the XLIFF file's own path, used in error messages only. */
export function readXliff(xml: string, path: string, options: ReadOptions = {}): XliffReadResult {
  let builder: XliffBuilder | undefined;
  parseXml(xml.startsWith('\uFEFF') ? xml.slice(1) : xml, path, XLIFF, {
    open(element, parents) {
      if (builder === undefined) {
        builder = builderFor(element, path, options);
        return false;
      }
      return builder.open(element, parents);
    },
    close(element) {
      builder?.close(element);
    },
    captured(element, parents) {
      builder?.captured(element, parents);
    },
  });
  if (builder === undefined) throw new InputError(`${path}: no root element; this is not an XLIFF file`);
  return builder.finish();
}

function builderFor(root: XmlElement, path: string, options: ReadOptions): XliffBuilder {
  const version = root.attrs.get('version');
  const where = `${path}:${root.line}:${root.column}`;
  if (root.name !== 'xliff') {
    throw new InputError(`${where}: root element is <${root.name}>, not <xliff>`);
  }
  if (root.uri === XLIFF12_NS && version === '1.2') return xliff12Builder(path, options);
  if (root.uri === XLIFF2_NS && (version === '2.0' || version === '2.1'))
    return xliff2Builder(path, version, root, options);
  // The XLIFF 2.2 core has a namespace of its own (its modules keep their 2.0 namespaces); its schema
  // allows version 2.0 and 2.1 there too, "for backward compatibility".
  if (root.uri === XLIFF22_NS && (version === '2.0' || version === '2.1' || version === '2.2'))
    return xliff2Builder(path, version, root, options);
  throw new InputError(
    `${where}: unsupported XLIFF (version "${version ?? ''}", namespace "${root.uri}"); Versio reads 1.2, 2.0, 2.1 and 2.2`,
  );
}
