/** Types for deepl-mock-translate.js. */
export interface TranslateParams {
  tagHandling?: string;
  ignoreTags: string[];
  glossary?: Map<string, string>;
}
export function applyGlossary(text: string, glossary: Map<string, string>): string;
export function mockTranslate(text: string, targetLang: string, params: TranslateParams): string;
export function untranslate(text: string): string;
