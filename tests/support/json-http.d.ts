/** Types for json-http.js. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function readBody(req: IncomingMessage): Promise<string>;
export function send(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers?: Record<string, string>,
): void;
