import type { IncomingHttpHeaders } from 'node:http';
import { Refusal, type RefusalBody } from '../protocol/editor-api.js';

/** A request as a route sees it: parsed, and its body read only when the route asks for it. */
export interface RouteRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  /** The body parsed as JSON; refused when over the server's limit or not JSON. */
  json(): Promise<unknown>;
  /** The body's bytes; refused when over the server's limit. */
  bytes(): Promise<Uint8Array>;
}

/** What a route answers. A `string` body is sent as UTF-8. */
export interface RouteResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/**
 * A refusal the page shows the user: a stable `code` for the page's logic and the reason in
 * both languages. Routes throw it (or the path and file refusals, which carry the same fields).
 */
export class RequestRefused extends Refusal {
  override readonly name = 'RequestRefused';
}

/** A JSON answer. */
export function json(status: number, value: unknown): RouteResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(value),
  };
}

/** The JSON answer of a refusal: `{ error: { code, zh, en } }`. */
export function refusal(status: number, code: string, zh: string, en: string): RouteResponse {
  const body: RefusalBody = { error: { code, zh, en } };
  return json(status, body);
}

/** The string field `key` of a JSON body, or a 400 naming it. */
export function stringField(body: unknown, key: string): string {
  const value = (body as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string') {
    throw new RequestRefused(400, 'bad-request', `请求缺少“${key}”`, `the request has no string "${key}"`);
  }
  return value;
}
