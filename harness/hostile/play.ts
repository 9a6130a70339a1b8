import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { converse } from '../http/conversation.ts';
import { exchange } from '../http/wire.ts';
import type { PlayContext } from '../run/entries.ts';
import { GwiError } from '../core/errors.ts';
import { escapeOctets } from '../http/request.ts';
import { arrivalsFolder, readArrivals, settledArrivals } from './arrivals.ts';
import type { HostileObservation } from './judge.ts';
import { mountTargets, unmountPath } from './mount.ts';

/** Bounds of one hostile conversation: generous, since a loaded machine must not turn "slow" into "no answer". */
export const hostileBounds = { firstAnswerMs: 2000, quietMs: 800, pendingMs: 3500, totalMs: 15_000 };

/** How long a connection closed without an answer waits for the server's exit to show. */
const crashGraceMs = 300;

/** Request lines in the octets: how many responses a server that takes every request as sent would owe. */
const requestCount = (octets: string) => (octets.match(/(?:^|\n)[!#$%&'*+.^_`|~0-9A-Za-z@-]+ \S+ HTTP\/\d\.\d\r?\n/g) ?? []).length;

/** The field that labels each request of a hostile case: the n-th `{arrivals}` of the octets gets label n. */
export const requestLabelField = 'X-Gwi-Request';

/**
 * Fill in {host} and {arrivals}. Each {arrivals} also gets a label field on a line of its own (with the line end that
 * follows it), so a request that reaches the application is known by the request it came from, whatever path the
 * server makes of it.
 */
export function expandOctets(octets: string, values: { host: string; arrivals: string }): string {
  let n = 0;
  return octets.replaceAll('{host}', values.host).replace(/\{arrivals\}(\r?\n)/g, (_, end: string) => `${values.arrivals}${end}${requestLabelField}: ${++n}${end}`).replaceAll('{arrivals}', values.arrivals);
}

/** The path of the request that carries each label, as sent (absolute-form reduced to its path): label n is index n - 1. */
export function sentPaths(octets: string): string[] {
  const paths: string[] = [];
  const heads = /(?:^|\n)[!#$%&'*+.^_`|~0-9A-Za-z@-]+ (\S+) HTTP\/\d\.\d\r?\n/g;
  let target: string | undefined;
  let at = 0;
  for (const match of octets.matchAll(/\{arrivals\}\r?\n/g)) {
    heads.lastIndex = at;
    for (let head = heads.exec(octets); head && head.index < match.index!; head = heads.exec(octets)) target = head[1];
    at = match.index!;
    const path = (target ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split('?')[0];
    paths.push(path === '' ? '/' : path);
  }
  return paths;
}

/** Send hostile octets (escaped text with placeholders) on one connection; see what the client and the application got. */
export async function playHostile(escapedWithPlaceholders: string, unescape: (text: string) => string, context: PlayContext): Promise<HostileObservation> {
  const { server } = context.execution;
  const dir = arrivalsFolder(context.suite.log.dir);
  // tells the probe that a body without Content-Length ends where the server says (it decodes chunked bodies)
  if (context.suite.capabilities.includes('chunked-request-body')) writeFileSync(join(dir, 'read-to-end'), '');
  const mount = context.suite.scriptName ?? '';
  const octets = mountTargets(expandOctets(unescape(escapedWithPlaceholders), { host: `127.0.0.1:${server.port}`, arrivals: dir }), mount);
  context.execution.onRequest?.();
  let before: Set<string> | undefined;
  const conversation = await converse(server.port, Buffer.from(octets, 'latin1'), { ...hostileBounds, expected: requestCount(octets) }, () => {
    before = new Set(readArrivals(dir).map((a) => a.id));
  });
  // a close without any answer may be the server dying: wait a moment for its exit, so that the crash is blamed on
  // this request and not on one that a concurrent entry sends to the dead server next
  if (conversation.responses.length === 0 && conversation.closed) await Promise.race([server.process.exited, new Promise((resolve) => setTimeout(resolve, crashGraceMs))]);
  if (server.process.hasExited) {
    throw new GwiError('GWI_SERVER_CRASHED', `the server exited while handling hostile octets\n  request: ${escapeOctets(octets)}`, 'the request above makes the server die: report it to its maintainers');
  }
  if (conversation.responses.length === 0 && !conversation.closed) await stillAnswering(octets, context);
  const sent = sentPaths(unescape(escapedWithPlaceholders));
  const labelled = (await settledArrivals(dir, 1000, before)).map((logged) => {
    const arrival = { ...logged, path: unmountPath(logged.path, mount) };
    const label = Number(arrival.headers[`HTTP_${requestLabelField.toUpperCase().replaceAll('-', '_')}`]);
    return Number.isInteger(label) && sent[label - 1] !== undefined ? { ...arrival, sentPath: sent[label - 1] } : arrival;
  });
  const all = labelled;
  return {
    statuses: conversation.responses.map((r) => r.status),
    versions: conversation.responses.map((r) => r.version),
    closed: conversation.closed,
    arrivals: all.filter((a) => a.readError === undefined),
    abortedReads: all.filter((a) => a.readError !== undefined),
    leftover: conversation.leftover,
  };
}

/**
 * Silence may be the server waiting for more of a hostile request, which is fine, or the server no longer answering
 * anyone: then every later verdict would be about a hung server, so the run stops here, naming the request.
 */
async function stillAnswering(octets: string, context: PlayContext): Promise<void> {
  const { port } = context.execution.server;
  const plain = Buffer.from(`GET /gwi-health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 'latin1');
  const result = await exchange(port, plain, hostileBounds.firstAnswerMs);
  if (result.kind !== 'response') {
    const error = new GwiError('GWI_SERVER_UNRESPONSIVE', `the server no longer answers a plain GET after this hostile request (it got no answer either)\n  request: ${escapeOctets(octets)}`, 'the request above hangs the server for everyone (a denial of service): report it to its maintainers');
    error.request = Buffer.from(octets, 'latin1');
    throw error;
  }
}
