import { randomBytes } from 'node:crypto';
import type { HttpRequest } from '../http/request.ts';
import type { SuiteContext } from './entries.ts';
import { logHeader } from './eventLog.ts';

/** The field carrying a response plan, the JSON script a probe answers by (every interface's probe reads it). */
export const respondHeader = 'X-Gwi-Respond';

/** A fresh id for a plan's event log; unique across the shards of a run. */
export const newPlanId = () => randomBytes(6).toString('hex');

export interface PlannedRequestOptions {
  method?: string;
  version?: HttpRequest['version'];
  /** Send Connection: close (default true for HTTP/1.1). */
  close?: boolean;
  headers?: Array<[string, string]>;
  body?: string;
  target?: string;
}

/** JSON with every code point outside printable ASCII escaped, so it is a valid field value (RFC 9110 section 5.5). */
export const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A request that makes the probe answer as `plan` says and log what happens to `context.log`. */
export function plannedRequest<P extends { id: string }>(context: SuiteContext, plan: P, options: PlannedRequestOptions = {}): HttpRequest {
  const version = options.version ?? 'HTTP/1.1';
  const body = options.body ?? '';
  const headers: Array<[string, string]> = [
    ['Host', `127.0.0.1:${context.port}`],
    [respondHeader, asciiJson(plan)],
    [logHeader, context.log.dir],
    ...(options.headers ?? []),
  ];
  if (body !== '' || options.method === 'POST') headers.push(['Content-Length', String(body.length)]);
  if (version === 'HTTP/1.1' && (options.close ?? true)) headers.push(['Connection', 'close']);
  return { method: options.method ?? 'GET', target: options.target ?? '/respond', version, headers, body };
}

/** The plan a request carries, if it carries one (its shape is the interface's). */
export function planOf<P extends { id: string }>(request: HttpRequest): P | undefined {
  const field = request.headers.find(([name]) => name.toLowerCase() === respondHeader.toLowerCase());
  return field ? (JSON.parse(field[1]) as P) : undefined;
}
