import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Document } from '../document.js';
import { segmentsOf } from '../document.js';
import { InputError, InternalError, VersioError } from '../errors.js';
import type { Matcher } from '../glossary/match.js';
import type { Glossary } from '../glossary/types.js';
import { readTextFile, type TextInput } from '../io/text-file.js';
import { parseArticle } from '../read/article.js';
import { mergeReviewed } from './merge.js';
import { annotateTerms } from './terms.js';

/** What reading an article needs to know of the run. */
export interface ReadOptions {
  sourceLang: string;
  targetLang: string;
  /** The engine and glossary of this run: a previous machine target is reused only under both. */
  engine: string;
  glossary: Glossary | undefined;
  matcher: Matcher | undefined;
  /** Relative paths are resolved against it; messages and the XLIFF keep the path as given. */
  cwd: string;
}

/**
 * Stages "read → segment → match → merge" for one article: `xliffPath` is where a previous run
 * wrote its translation, possibly reviewed since.
 */
export async function readDocument(file: string, xliffPath: string, options: ReadOptions): Promise<Document> {
  const input = await readTextFile(file, { cwd: options.cwd });
  const doc = annotateTerms(parseDocument(input, file, options), options.matcher);
  const previous = await readPrevious(xliffPath, options.cwd);
  if (previous)
    mergeReviewed(doc, previous, { engine: options.engine, glossaryHash: options.glossary?.hash });
  return doc;
}

/** Stages "read → segment" on a decoded article: refused when it holds no text to translate. */
export function parseDocument(
  input: TextInput,
  file: string,
  langs: { sourceLang: string; targetLang: string },
): Document {
  const doc = parseArticle(input.text, file, {
    sourceLang: langs.sourceLang,
    targetLang: langs.targetLang,
    bom: input.bom,
  });
  if (segmentsOf(doc).length === 0) throw new InputError(`${doc.path}: no text to translate`);
  return doc;
}

/**
 * The XLIFF a previous run wrote for this article, possibly edited by reviewers since. A file
 * we cannot read is an error, not a reason to overwrite someone's work.
 */
async function readPrevious(path: string, cwd: string): Promise<Document | undefined> {
  let xml: string;
  try {
    xml = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`${path}: cannot read the existing translation: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const { readXliff } = await import('../xliff/read.js');
  try {
    return readXliff(xml, path).doc;
  } catch (error) {
    // A bug of ours (InternalError) stays exit 70: only what is wrong with the file is the user's to fix.
    if (error instanceof VersioError && !(error instanceof InternalError)) {
      throw new InputError(`${error.message} (existing translation, not overwritten)`, {
        cause: error,
        hint: 'fix the file, or move it away to translate from scratch',
      });
    }
    throw error;
  }
}
