import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GwiError } from '../core/errors.ts';
import { describeErrors, validators } from '../spec/schemas.ts';

/** A request that reached the application, as the probe logged it. */
export interface ObservedArrival {
  id: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** What the application read; undefined while it is still reading (or was never able to finish). */
  body?: string;
  /** The exception a read raised: the application was called but got no body from the server. */
  readError?: string;
  /** The path of the request, as sent, that this arrival carries the label of: how judges know which request it is. */
  sentPath?: string;
}

/** A private folder for one case's arrivals (inside the run's event-log folder, so it goes with it). */
export function arrivalsFolder(parent: string): string {
  const dir = mkdtempSync(join(parent, 'gwi-log-arrivals-'));
  chmodSync(dir, 0o777); // servers that switch user must still write here
  return dir;
}

/** Read arrivals.jsonl: one entry per request, in the order they reached the application. */
export function readArrivals(dir: string): ObservedArrival[] {
  const file = join(dir, 'arrivals.jsonl');
  if (!existsSync(file)) return [];
  const byId = new Map<string, ObservedArrival>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue; // a line still being written
    }
    if (!validators.arrival(record)) {
      throw new GwiError('GWI_SERVER_GARBAGE', `an arrival record does not match spec/http/probe-arrivals.schema.json: ${describeErrors(validators.arrival.errors).join('; ')}`, 'the probe and the harness must come from the same gwi-test version');
    }
    if ('method' in record) {
      byId.set(record.id, { id: record.id, method: record.method, path: record.path, query: record.query, headers: record.headers });
    } else {
      const arrival = byId.get(record.id);
      if (arrival) Object.assign(arrival, { body: record.body, ...(record.error !== undefined ? { readError: record.error } : {}) });
    }
  }
  return [...byId.values()];
}

/**
 * Wait (bounded) until every arrival has its body record: a read may end only once the connection is gone.
 * `only`: the arrivals to keep (those logged before the harness closed its side).
 */
export async function settledArrivals(dir: string, waitMs: number, only?: Set<string>): Promise<ObservedArrival[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const arrivals = readArrivals(dir).filter((a) => only === undefined || only.has(a.id));
    if (arrivals.every((a) => a.body !== undefined) || Date.now() >= deadline) return arrivals;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
