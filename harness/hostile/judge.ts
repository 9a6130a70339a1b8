import { unescapeOctets } from '../http/request.ts';
import type { HostileOutcome } from '../generated/hostileCorpus.ts';
import { deviation, pass, type Outcome } from '../run/outcome.ts';
import type { ObservedArrival } from './arrivals.ts';

/** What one hostile case produced: the client's view and the application's. */
export interface HostileObservation {
  statuses: number[];
  /** The protocol version of each response's status line. */
  versions: string[];
  closed: boolean;
  /** Requests that reached the application with a body (or still reading); calls whose read failed are apart. */
  arrivals: ObservedArrival[];
  /** The application was called, but reading the body raised: the server refused it mid-way. */
  abortedReads: ObservedArrival[];
  leftover: string;
}

const statusMatches = (pattern: string, status: number) => (pattern.endsWith('xx') ? pattern[0] === String(status)[0] : Number(pattern) === status);

/** Why an outcome does not describe the observation, or undefined when it does. */
export function mismatch(outcome: HostileOutcome, seen: HostileObservation): string | undefined {
  if (outcome.statuses.length !== seen.statuses.length || outcome.statuses.some((p, i) => !statusMatches(p, seen.statuses[i]))) {
    return `responses ${JSON.stringify(seen.statuses)}, not ${JSON.stringify(outcome.statuses)}`;
  }
  if (outcome.versions !== undefined && JSON.stringify(outcome.versions) !== JSON.stringify(seen.versions)) {
    return `responses labelled ${JSON.stringify(seen.versions)}, not ${JSON.stringify(outcome.versions)}`;
  }
  if (outcome.arrivals.length !== seen.arrivals.length) return `${seen.arrivals.length} request(s) reached the application, not ${outcome.arrivals.length}`;
  for (const [i, expected] of outcome.arrivals.entries()) {
    const actual = seen.arrivals[i];
    // which request arrived is told by its label (the path as sent), not by the path the server reconstructed
    const which = actual.sentPath ?? actual.path;
    if (expected.path !== undefined && expected.path !== which) return `arrival ${i + 1}: the request for ${JSON.stringify(which)}, not ${JSON.stringify(expected.path)}`;
    if (expected.seenPath !== undefined && expected.seenPath !== actual.path) return `arrival ${i + 1}: path ${JSON.stringify(actual.path)}, not ${JSON.stringify(expected.seenPath)}`;
    for (const field of ['method', 'query'] as const) {
      if (expected[field] !== undefined && expected[field] !== actual[field]) return `arrival ${i + 1}: ${field} ${JSON.stringify(actual[field])}, not ${JSON.stringify(expected[field])}`;
    }
    if (expected.body !== undefined && unescapeOctets(expected.body) !== actual.body) return `arrival ${i + 1}: body ${JSON.stringify(actual.body ?? '(still reading)')}, not ${JSON.stringify(unescapeOctets(expected.body))}`;
    for (const [key, value] of Object.entries(expected.headers ?? {})) {
      const got = actual.headers[key];
      if (value === null ? got !== undefined : got !== unescapeOctets(value)) return `arrival ${i + 1}: ${key} ${JSON.stringify(got ?? null)}, not ${JSON.stringify(value)}`;
    }
  }
  if (outcome.closes !== undefined && outcome.closes !== seen.closed) return seen.closed ? 'the server closed the connection' : 'the connection stayed open';
  return undefined;
}

/** A compact account of what happened, for findings and profiles. */
export function describeObservation(seen: HostileObservation): Record<string, unknown> {
  return {
    statuses: seen.statuses,
    ...(seen.versions.some((v) => v !== 'HTTP/1.1') ? { versions: seen.versions } : {}),
    closed: seen.closed,
    arrivals: seen.arrivals.map((a) => ({ method: a.method, path: a.path, ...(a.sentPath !== undefined && a.sentPath !== a.path ? { sentAs: a.sentPath } : {}), ...(a.query ? { query: a.query } : {}), body: a.body ?? '(still reading)' })),
    ...(seen.abortedReads.length > 0 ? { calledButReadFailed: seen.abortedReads.map((a) => `${a.method} ${a.path}: ${a.readError}`) } : {}),
    ...(seen.leftover ? { unparsedReply: seen.leftover.slice(0, 200) } : {}),
  };
}

/**
 * A server that reads bodies lazily finds a broken body only while the application reads it: the read raises, the
 * probe lets it propagate, and what the client then gets is the server's answer to an application exception (500,
 * or a bare close). That is a refusal: accepted when nothing reached the application with a body and the
 * connection closed.
 */
const refusedWhileReading = (seen: HostileObservation) =>
  seen.abortedReads.length > 0 && seen.arrivals.length === 0 && seen.closed && !seen.statuses.some((s) => s >= 200 && s < 300);

/** The case's verdict: the name of the first acceptable outcome that matches, or a deviation listing why none did. */
export function judgeHostile(hostile: { rule: string; acceptable: HostileOutcome[]; profile?: boolean }, seen: HostileObservation, pointer: string): Outcome {
  if (refusedWhileReading(seen)) return pass(hostile.rule, pointer, hostile.profile ? { profile: 'refused while the application read the body' } : {});
  const matched = hostile.acceptable.find((outcome) => mismatch(outcome, seen) === undefined);
  if (matched) return pass(hostile.rule, pointer, hostile.profile ? { profile: matched.name } : {});
  const reasons = hostile.acceptable.map((outcome) => `${outcome.name}: ${mismatch(outcome, seen)}`);
  return deviation(hostile.rule, pointer, `no acceptable outcome: ${reasons.join('; ')}`, hostile.acceptable.map((o) => o.name), describeObservation(seen));
}
