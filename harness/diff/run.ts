import fc from 'fast-check';
import { asGwiError, GwiError } from '../core/errors.ts';
import { loadAdapter, type LoadedAdapter } from '../adapter/load.ts';
import { startServer, type RunningServer } from '../run/server.ts';
import { pluginFor } from '../engine/plugin.ts';
import { EventLog } from '../run/eventLog.ts';
import { escapeOctets, unescapeOctets } from '../http/request.ts';
import { hostileRequest, type GeneratedHostile } from '../hostile/mutations.ts';
import { loadCorpus } from '../hostile/corpus.ts';
import { playHostile } from '../hostile/play.ts';
import type { HostileObservation } from '../hostile/judge.ts';

/** What one server's application saw of one input, reduced to what matters for smuggling and injection. */
export interface ApplicationView {
  statuses: number[];
  closed: boolean;
  /** Requests that reached the application: method, path, query, body and the harness's X-Gwi-* fields. */
  arrivals: Array<{ method: string; path: string; query: string; body: string; fields: Record<string, string> }>;
}

export interface Difference {
  /** The rule the input was aimed at, and the mutation that made it. */
  rule: string;
  mutation: string;
  /** Exact octets sent ({arrivals} stands for each server's own log folder). */
  request: string;
  /** Each adapter's view, in the order given. */
  views: Record<string, ApplicationView>;
  /** Adapters grouped by identical views, e.g. [["gunicorn", "waitress"], ["wsgiref"]]. */
  groups: string[][];
  /** Two or more servers passed a request to their applications and the applications saw different requests. */
  disagreement: boolean;
  replay: string;
}

export interface DiffReport {
  format: 1;
  adapters: Array<{ name: string; path: string; versions: Record<string, string> }>;
  seed: number;
  inputs: number;
  differences: Difference[];
  durationMs: number;
  /** 1 when some difference is a disagreement (both sides accepted, the applications saw different requests). */
  exitCode: 0 | 1 | 2;
  errors: Array<{ code: string; message: string }>;
}

export interface DiffOptions {
  /** Adapter folders or files, or adapters already loaded (and perhaps adjusted) by the caller. */
  adapters: Array<string | LoadedAdapter>;
  seed?: number;
  numRuns?: number;
  path?: string;
  timeoutMs?: number;
  /** Most distinct differences to look for (each shrunk to its own minimal request). */
  maxDifferences?: number;
  onDifference?: (difference: Difference) => void;
}

type Input = GeneratedHostile & { escaped?: boolean };

/** The corpus shapes and generated mutations, as one arbitrary; corpus cases are constants (they do not shrink). */
function diffInputs(): fc.Arbitrary<Input> {
  const corpus = loadCorpus().map((c): Input => ({ rule: c.rule, mutation: `corpus case ${c.id}`, octets: c.octets, acceptable: c.acceptable, escaped: true }));
  return fc.oneof({ arbitrary: hostileRequest({ chunked: true }), weight: 3 }, { arbitrary: fc.constantFrom(...corpus), weight: 1 });
}

function viewOf(seen: HostileObservation): ApplicationView {
  return {
    statuses: seen.statuses,
    closed: seen.closed,
    arrivals: seen.arrivals.map((a) => ({
      method: a.method, path: a.path, query: a.query, body: a.body ?? '(still reading)',
      fields: Object.fromEntries(Object.entries(a.headers).filter(([k]) => k.startsWith('HTTP_X_GWI_') && k !== 'HTTP_X_GWI_ARRIVALS' && k !== 'HTTP_X_GWI_REQUEST')),
    })),
  };
}

/** Adapters grouped by what their applications saw (statuses and closing aside: those may differ legitimately). */
function groupsOf(views: Record<string, ApplicationView>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [name, view] of Object.entries(views)) {
    const key = JSON.stringify(view.arrivals);
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return [...groups.values()];
}

const prefixOf = (short: ApplicationView['arrivals'], long: ApplicationView['arrivals']) => short.every((a, i) => JSON.stringify(a) === JSON.stringify(long[i]));

/**
 * Two servers both passed requests to their applications, and the requests differ: the shape of request smuggling.
 * Not a disagreement: one server rejecting what another accepts, or one answering fewer requests of a pipeline and
 * closing the connection (the client then sends the rest again).
 */
export function disagree(views: ApplicationView[]): boolean {
  const accepting = views.filter((v) => v.arrivals.length > 0);
  return accepting.some((a, i) => accepting.slice(i + 1).some((b) => {
    const [short, long] = a.arrivals.length <= b.arrivals.length ? [a, b] : [b, a];
    return !(prefixOf(short.arrivals, long.arrivals) && short.closed);
  }));
}

/**
 * Send the same hostile inputs to several servers and report where their applications saw different requests,
 * each difference shrunk to a minimal input. Differences are keyed by rule and grouping, so one kind of
 * difference does not hide the others.
 */
export async function runDiff(options: DiffOptions): Promise<DiffReport> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const errors: DiffReport['errors'] = [];
  const servers: Array<{ name: string; path: string; server: RunningServer; log: EventLog; capabilities: string[] }> = [];
  const differences: Difference[] = [];
  let inputs = 0;
  try {
    if (options.adapters.length < 2) throw new GwiError('GWI_USAGE', 'diff needs at least two adapters', 'gwi-test diff adapters/gunicorn adapters/nginx-gunicorn');
    const loaded = await Promise.all(options.adapters.map((given) => (typeof given === 'string' ? loadAdapter(given) : given)));
    const names = loaded.map((a) => a.config.name);
    if (new Set(names).size !== names.length) throw new GwiError('GWI_USAGE', `two adapters share a name (${names.join(', ')})`, 'diff adapters with different names');
    if (loaded.some((a) => a.config.kind !== 'server')) throw new GwiError('GWI_USAGE', 'diff compares servers; an application adapter was given', 'pass server adapters');
    for (const adapter of loaded) {
      servers.push({ name: adapter.config.name, path: adapter.path, server: await startServer(adapter, pluginFor(adapter.config.interface)), log: new EventLog(), capabilities: adapter.config.capabilities });
    }
    const seenKeys = new Set<string>();
    const candidates = diffInputs();
    const command = `npx gwi-test diff ${loaded.map((a, i) => (typeof options.adapters[i] === 'string' ? options.adapters[i] : a.path)).join(' ')}`;
    for (let round = 0; round < (options.path ? 1 : (options.maxDifferences ?? 4)); round++) {
      let last: Difference | undefined;
      let fatal: unknown;
      const property = fc.asyncProperty(candidates, async (input) => {
        if (fatal !== undefined) return true;
        inputs += 1;
        const views: Record<string, ApplicationView> = {};
        try {
          await Promise.all(servers.map(async (s) => {
            const context = {
              suite: { port: s.server.port, capabilities: s.capabilities, deadlineMs: 750, log: s.log },
              execution: { server: s.server, scriptName: '', timeoutMs: options.timeoutMs ?? 10_000 },
            };
            views[s.name] = viewOf(await playHostile(input.octets, input.escaped ? unescapeOctets : (t) => t, context));
          }));
        } catch (error) {
          fatal = error;
          return true;
        }
        const ordered = Object.fromEntries(servers.map((s) => [s.name, views[s.name]]));
        const groups = groupsOf(ordered);
        if (groups.length === 1) return true;
        const key = `${input.rule} ${JSON.stringify(groups)}`;
        if (seenKeys.has(key)) return true;
        last = {
          rule: input.rule, mutation: input.mutation, views: ordered, groups, disagreement: disagree(groups.map((g) => ordered[g[0]])), replay: '',
          request: input.escaped ? input.octets : escapeOctets(input.octets),
        };
        return false;
      });
      const details = await fc.check(property, { seed, numRuns: options.numRuns ?? 60, ...(options.path ? { path: options.path } : {}) });
      if (fatal !== undefined) throw asGwiError(fatal);
      if (!details.failed || !last) break;
      const found: Difference = last;
      found.replay = `${command} --seed ${details.seed} --path ${details.counterexamplePath ?? ''}`;
      seenKeys.add(`${found.rule} ${JSON.stringify(found.groups)}`);
      differences.push(found);
      options.onDifference?.(found);
    }
  } catch (thrown) {
    const error = asGwiError(thrown);
    errors.push({ code: error.code, message: error.message + (error.hint ? `\n  hint: ${error.hint}` : '') });
  } finally {
    await Promise.all(servers.map(async (s) => {
      await s.server.stop();
      s.log.remove();
    }));
  }
  return {
    format: 1, seed, inputs, differences, durationMs: Date.now() - started, errors,
    adapters: servers.map((s) => ({ name: s.name, path: s.path, versions: s.server.versions })),
    exitCode: errors.length > 0 ? 2 : differences.some((d) => d.disagreement) ? 1 : 0,
  };
}
