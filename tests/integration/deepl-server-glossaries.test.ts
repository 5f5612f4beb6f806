/**
 * The test server's glossary endpoints against the real client: every v3 call deepl-node 1.28
 * makes parses the server's answers, a JSON request as DeepL's API reference writes it gets the
 * answer the reference shows, and /v2/translate applies the dictionary of the request's pair.
 * Versio's own use of them is in deepl-glossary.test.ts.
 */
import * as deepl from 'deepl-node';
import { describe, expect, it } from 'vitest';
import { KEY, useDeeplServer } from '../support/deepl-setup.js';

const server = useDeeplServer();
const client = () => new deepl.DeepLClient(KEY, { serverUrl: server().url, maxRetries: 0 });
const entries = (e: Record<string, string>) => new deepl.GlossaryEntries({ entries: e });
const FR_EN = { sourceLangCode: 'fr', targetLangCode: 'en', entries: entries({ mairie: 'town hall' }) };
const EN_FR = { sourceLangCode: 'en', targetLangCode: 'fr', entries: entries({ 'town hall': 'mairie' }) };

describe('v3 glossaries through deepl-node', () => {
  it('creates a glossary of two dictionaries; get, list and entries describe it', async () => {
    const created = await client().createMultilingualGlossary('desk', [FR_EN, EN_FR]);
    expect(created).toMatchObject({
      name: 'desk',
      dictionaries: [
        { sourceLangCode: 'fr', targetLangCode: 'en', entryCount: 1 },
        { sourceLangCode: 'en', targetLangCode: 'fr', entryCount: 1 },
      ],
    });
    expect(created.creationTime.getTime()).not.toBeNaN();
    expect(await client().getMultilingualGlossary(created.glossaryId)).toEqual(created);
    expect(await client().listMultilingualGlossaries()).toEqual([created]);
    const dictionary = await client().getMultilingualGlossaryDictionaryEntries(created, 'en', 'fr');
    expect(dictionary.entries.entries()).toEqual({ 'town hall': 'mairie' });
  });

  it('edits: rename, merge entries (PATCH), replace and delete a dictionary', async () => {
    const { glossaryId } = await client().createMultilingualGlossary('desk', [FR_EN]);
    expect((await client().updateMultilingualGlossaryName(glossaryId, 'desk 2')).name).toBe('desk 2');
    const merged = await client().updateMultilingualGlossaryDictionary(glossaryId, {
      ...FR_EN,
      entries: entries({ préfet: 'prefect' }),
    });
    expect(merged.dictionaries).toEqual([{ sourceLangCode: 'fr', targetLangCode: 'en', entryCount: 2 }]);
    const replaced = await client().replaceMultilingualGlossaryDictionary(glossaryId, {
      ...FR_EN,
      entries: entries({ maire: 'mayor' }),
    });
    expect(replaced).toEqual({ sourceLangCode: 'fr', targetLangCode: 'en', entryCount: 1 });
    await client().updateMultilingualGlossaryDictionary(glossaryId, EN_FR);
    await client().deleteMultilingualGlossaryDictionary(glossaryId, 'en', 'fr');
    expect(server().glossaries(KEY)[0]?.dictionaries).toEqual([
      { source_lang: 'fr', target_lang: 'en', entry_count: 1, entries: { maire: 'mayor' } },
    ]);
  });

  it('deletes a glossary; a second delete is GlossaryNotFoundError', async () => {
    const { glossaryId } = await client().createMultilingualGlossary('desk', [FR_EN]);
    await client().deleteMultilingualGlossary(glossaryId);
    expect(await client().listMultilingualGlossaries()).toEqual([]);
    await expect(client().deleteMultilingualGlossary(glossaryId)).rejects.toBeInstanceOf(
      deepl.GlossaryNotFoundError,
    );
  });

  it('refuses what DeepL refuses: an unsupported pair, a missing dictionary', async () => {
    await expect(
      client().createMultilingualGlossary('x', [{ ...FR_EN, sourceLangCode: 'ja' }]),
    ).rejects.toThrow(/Unsupported glossary source and target language pair/);
    const { glossaryId } = await client().createMultilingualGlossary('desk', [FR_EN]);
    await expect(
      client().getMultilingualGlossaryDictionaryEntries(glossaryId, 'de', 'en'),
    ).rejects.toBeInstanceOf(deepl.GlossaryNotFoundError);
  });
});

describe('v3 and v2 over one store, as DeepL keeps them', () => {
  it('translating with a v3 glossary applies the dictionary of the request pair', async () => {
    const { glossaryId } = await client().createMultilingualGlossary('desk', [EN_FR, FR_EN]);
    const result = await client().translateText('La mairie a voté.', 'fr', 'en-GB', { glossary: glossaryId });
    expect(result.text).toBe('EN-GB: La town hall a voté.');
    expect(server().stats().translations[0]?.glossaryId).toBe(glossaryId);
  });

  it('v3 lists glossaries created through v2; v2 shows a v3 glossary through its first dictionary', async () => {
    const v2 = await client().createGlossary('old', 'fr', 'en', entries({ maire: 'mayor' }));
    const v3 = await client().createMultilingualGlossary('new', [EN_FR, FR_EN]);
    expect((await client().listMultilingualGlossaries()).map((g) => g.glossaryId)).toEqual([
      v2.glossaryId,
      v3.glossaryId,
    ]);
    expect(await client().getGlossary(v3.glossaryId)).toMatchObject({ sourceLang: 'en', targetLang: 'fr' });
  });

  it('v2 may not delete a glossary v3 has edited ("v2 vs v3 endpoints"); v3 may', async () => {
    const v2 = await client().createGlossary('old', 'fr', 'en', entries({ maire: 'mayor' }));
    await client().updateMultilingualGlossaryName(v2.glossaryId, 'renamed');
    await expect(client().deleteGlossary(v2.glossaryId)).rejects.toThrow(/edited through the v3 API/);
    await client().deleteMultilingualGlossary(v2.glossaryId);
    expect(server().glossaries(KEY)).toEqual([]);
  });
});

describe('v3 glossaries as a JSON request (DeepL API reference, "Create a glossary")', () => {
  it('answers 201 with the glossary and its dictionaries, without entries', async () => {
    const response = await fetch(`${server().url}/v3/glossaries`, {
      method: 'POST',
      headers: {
        Authorization: `DeepL-Auth-Key ${KEY}`,
        'User-Agent': 'versio-tests',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        name: 'My Glossary',
        dictionaries: [
          { source_lang: 'en', target_lang: 'de', entries: 'Hello\tGuten Tag', entries_format: 'tsv' },
          { source_lang: 'de', target_lang: 'en', entries: 'Guten Tag\tHello', entries_format: 'tsv' },
        ],
      }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      glossary_id: expect.any(String),
      name: 'My Glossary',
      dictionaries: [
        { source_lang: 'en', target_lang: 'de', entry_count: 1 },
        { source_lang: 'de', target_lang: 'en', entry_count: 1 },
      ],
      creation_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });
});
