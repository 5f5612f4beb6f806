/**
 * deepl-node turns an HTTP response into `{ statusCode, content }` and drops the headers, and
 * its error classes carry no status. To honour DeepL's `Retry-After` and tell a 503 from a 500
 * we watch Node's built-in HTTP diagnostics channels (`http.client.request.start`,
 * `http.client.response.finish`, documented in node:diagnostics_channel) and attribute each
 * response to the call that made it through AsyncLocalStorage: the request object is created
 * synchronously inside the call's async context, so concurrent calls never mix.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

/** What the last HTTP response of a call said, beyond what deepl-node passes on. */
export interface ResponseCapture {
  status?: number;
  retryAfter?: string;
  /** Requests the call started and that have not finished: destroyed when the run is interrupted. */
  open?: Set<ClientRequest>;
  /** Called as each request of the call has been sent (the scheduler's `sent` hook). */
  onRequest?: () => void;
}

const storage = new AsyncLocalStorage<ResponseCapture>();
const owners = new WeakMap<ClientRequest, ResponseCapture>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  subscribe('http.client.request.start', (message) => {
    const capture = storage.getStore();
    if (!capture) return;
    const { request } = message as { request: ClientRequest };
    owners.set(request, capture);
    capture.open ??= new Set();
    capture.open.add(request);
    request.once('close', () => capture.open?.delete(request));
    // 'finish': the whole request was handed to the OS, so it is on its way to the server now.
    request.once('finish', () => capture.onRequest?.());
  });
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    const capture = owners.get(request);
    if (!capture) return;
    capture.status = response.statusCode;
    const retryAfter = response.headers['retry-after'];
    capture.retryAfter = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  });
}

/**
 * Destroys the requests `capture`'s call has open (deepl-node 1.x takes no AbortSignal): the
 * call then fails at once with a connection error instead of waiting for the server.
 */
export function destroyOpenRequests(capture: ResponseCapture, reason: Error): void {
  for (const request of capture.open ?? []) request.destroy(reason);
}

/** Runs `call`, recording into `capture` the status and Retry-After of the responses it receives. */
export function capturingResponse<T>(capture: ResponseCapture, call: () => Promise<T>): Promise<T> {
  install();
  return storage.run(capture, call);
}
