import { GwiError } from '../core/errors.ts';
import type { LoadedAdapter } from '../adapter/load.ts';
import type { HarnessErrorRecord } from '../generated/report.ts';
import type { Ledger } from './ledger.ts';
import { shardsOf, type Shard } from './runEntry.ts';

export interface RunOptions {
  /** Folder or file of the adapter, or an adapter already loaded (and perhaps adjusted) by the caller. */
  adapter: string | LoadedAdapter;
  /** Rule-id prefixes to run; all rules when empty. */
  rules?: string[];
  /**
   * Which profiles to run: the interface's own (named after it: wsgi, asgi) and security (hostile requests); default
   * both.
   */
  profiles?: string[];
  /** Run only these properties / cases (by id). */
  properties?: string[];
  cases?: string[];
  seed?: number;
  /** fast-check path of a counterexample to replay (with seed and one property). */
  path?: string;
  numRuns?: number;
  /** SHOULD deviations fail the run too. */
  strict?: boolean;
  /** The expectations file (default: expectations.json in the adapter's folder, if there is one). */
  expectations?: string;
  /** Write this run's failures into the expectations file. */
  updateExpectations?: boolean;
  /** Run only shard `index` (1-based) of `count`: a deterministic slice of the work, for CI machines to share. */
  shard?: { index: number; count: number };
  /** Bound on one exchange, ms (default 10000). */
  timeoutMs?: number;
  /** Bound on the whole run, ms (default: derived from the work planned, see runBounds). */
  maxTimeMs?: number;
  /** Ends the run early (Ctrl-C): servers stop, entries not yet begun are reported as not run. */
  signal?: AbortSignal;
  /** How long the probe waits on input calls that may block, ms (default 750). */
  deadlineMs?: number;
  /** How replays name the adapter (default: its path as loaded). */
  replayAdapter?: string;
  onProgress?: (event: ProgressEvent) => void;
  /** Called once per request sent. */
  onRequest?: () => void;
}

/** The profile every interface shares: malformed and ambiguous HTTP. */
export const securityProfile = 'security';

export type ProgressEvent =
  | { type: 'server-ready'; adapter: string; port: number; versions: Record<string, string>; total: number }
  | { type: 'entry-done'; entry: EntryLabel; ms: number }
  | { type: 'entry-error'; entry: EntryLabel; error: GwiError };

/** What progress reporting needs of a server or application entry. */
export interface EntryLabel {
  kind: string;
  id: string;
}

/** What one run shares among its entries, whichever interface and kind. */
export interface RunState {
  options: RunOptions;
  adapter: LoadedAdapter;
  ledger: Ledger;
  selected: (ruleId: string) => boolean;
  seed: number;
  errors: HarnessErrorRecord[];
}

/** What running a kind's entries yields: the rules they checked, and the versions of what ran. */
export interface EntriesRun {
  ruleIds: Set<string>;
  versions: Record<string, string>;
}

export function errorRecord(error: GwiError): HarnessErrorRecord {
  return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
}

type Planned<E> = { entry: E; shard?: Shard };

/**
 * The entries the run's filters keep (--property and --case by id, --rule by the rules they check), a searched
 * entry split into `shardCount` shards, then this machine's slice of the whole (--shard).
 */
export function plannedWork<E extends { id: string; rules: string[] }>(suite: E[], state: RunState, shardCount: (entry: E) => number): Array<Planned<E>> {
  const { options, selected, seed } = state;
  const runs = (entry: E): number | undefined => ('numRuns' in entry && typeof entry.numRuns === 'number' ? entry.numRuns : undefined);
  const entries = suite.filter((entry) => {
    if (options.properties?.length || options.cases?.length) {
      const wanted = runs(entry) !== undefined ? options.properties : options.cases;
      if (!wanted?.includes(entry.id)) return false;
    }
    return entry.rules.some(selected);
  });
  if (entries.length === 0) throw new GwiError('GWI_USAGE', 'the filters select nothing to run', 'check --rule, --property and --case against the ids in the report or in spec/');
  const work = entries.flatMap((entry): Array<Planned<E>> => {
    const numRuns = runs(entry);
    if (numRuns === undefined) return [{ entry }];
    return shardsOf({ numRuns }, { seed, path: options.path, numRuns: options.numRuns }, shardCount(entry)).map((shard) => ({ entry, shard }));
  });
  return options.shard ? work.filter((_, i) => i % options.shard!.count === options.shard!.index - 1) : work;
}

/** Record a harness error once per distinct message, and against the rules it kept from being judged. */
export function recordError(state: RunState, rules: string[], error: GwiError): void {
  state.ledger.addError(rules.filter(state.selected), `${error.code}: ${error.message.split('\n')[0]}`);
  if (!state.errors.some((e) => e.code === error.code && e.message === error.message)) state.errors.push(errorRecord(error));
}

/** How every replay of this run names the adapter (and the --timeout it ran with). */
export function replayBase(state: RunState): { adapter: string; timeoutMs?: number } {
  const { options, adapter } = state;
  return { adapter: options.replayAdapter ?? adapter.path, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) };
}

/**
 * The bound on a whole run: given, or derived from the work planned (two minutes, plus three seconds an entry, times
 * how much --runs asks beyond a property's usual hundred), so a server that stalls in some new way still ends.
 */
export function runBounds(options: Pick<RunOptions, 'maxTimeMs' | 'numRuns'>, planned: number): { maxTimeMs: number } {
  const scale = Math.max(1, Math.ceil((options.numRuns ?? 100) / 100));
  // (a timer longer than 2^31-1 ms fires at once)
  return { maxTimeMs: Math.min(options.maxTimeMs ?? (120_000 + 3000 * planned) * scale, 2 ** 31 - 1) };
}
