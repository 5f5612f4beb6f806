/**
 * The error an engine call ends with when its signal aborts (Ctrl-C, a document stopping): the
 * signal's own AbortError when it carries one, so the run reports why it stopped, else a fresh one.
 */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error && reason.name === 'AbortError'
    ? reason
    : new DOMException('The translation was aborted', 'AbortError');
}
