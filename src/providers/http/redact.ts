/**
 * An API key never reaches a message: engine errors (and the causes we keep) pass through this.
 * `scheme` names the Authorization scheme whose header value is removed too (`Bearer`,
 * `DeepL-Auth-Key`), in case a client library quotes the request it failed on.
 */
export function redactKey(text: string, key: string, scheme?: string): string {
  const withoutKey = key === '' ? text : text.split(key).join('[redacted]');
  if (scheme === undefined) return withoutKey;
  return withoutKey.replace(new RegExp(`${scheme}\\s+\\S+`, 'g'), `${scheme} [redacted]`);
}
