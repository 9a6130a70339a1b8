import fc from 'fast-check';
import { GwiError, asGwiError } from '../core/errors.ts';
import { escapeOctets, serializeRequest, type HttpRequest } from '../http/request.ts';
import type { Replay } from '../generated/report.ts';
import type { CaseDef, HostilePropertyDef, PlayContext, PropertyDef, ScenarioDef } from './entries.ts';
import type { Ledger } from './ledger.ts';
import type { Outcome } from './outcome.ts';

/** What names the adapter in every replay of this run. */
export type ReplayBase = Pick<Replay, 'adapter' | 'timeoutMs'>;

export interface SearchContext {
  ledger: Ledger;
  /** Replay one shrunk counterexample of a property. */
  path?: string;
  /** Most rounds of "find a failure, set its rules aside, search again" per property. */
  maxRounds?: number;
  /** True once the run has been given up (the server died): entries stop sending. */
  aborted?: () => boolean;
  /** When the run's time bound passes (epoch ms): a search stops generating inputs then. */
  deadline?: number;
  replay: ReplayBase;
}

export interface EntryContext extends SearchContext, PlayContext {
  /** Rules selected for this run. */
  selected: (ruleId: string) => boolean;
  seed: number;
  /** Overrides the property's own number of runs. */
  numRuns?: number;
}

/** One slice of a property's runs, with its own seed, so a property can keep several connections busy. */
export interface Shard {
  seed: number;
  numRuns: number;
}

/**
 * A property's runs split over `count` shards with seeds seed, seed+1, …; each shard's replay names its own seed.
 * A replay (path given) is one shard with the given seed.
 */
export function shardsOf(entry: { numRuns: number }, context: { seed: number; path?: string; numRuns?: number }, count: number): Shard[] {
  const total = context.numRuns ?? entry.numRuns;
  if (context.path) return [{ seed: context.seed, numRuns: total }];
  const n = Math.max(1, Math.min(count, total));
  // shard seeds far apart, so runs with nearby --seed values do not share shards
  return Array.from({ length: n }, (_, k) => ({ seed: (context.seed + k * 1_000_003) | 0, numRuns: Math.ceil((total - k) / n) }));
}

/** What a property search needs to know about its inputs: how to judge one, and how to show it in a finding. */
export interface Judge<I> {
  evaluate(input: I): Promise<Outcome[]>;
  show(input: I): string;
}

/**
 * Run a property: fast-check generates inputs, the first failure is shrunk to a minimal input, its deviations are
 * recorded with their replay, then those rules are set aside and the search goes on, so each failing rule gets
 * its own minimal reproducer. The inputs are requests for a server, environs or scopes for an application.
 */
export async function searchProperty<I>(
  id: string, arbitrary: fc.Arbitrary<I>, judge: Judge<I>, context: SearchContext, shard: Shard,
  budget: { rounds?: number; roundMs?: number } = {},
): Promise<void> {
  const setAside = new Set<string>();
  const rounds = context.path ? 1 : (budget.rounds ?? context.maxRounds ?? 4);
  for (let round = 0; round < rounds; round++) {
    let lastFailure: { input: I; failing: Outcome[] } | undefined;
    // A harness or server error (a crash, a hang) is not a counterexample to shrink: the first one ends the property,
    // reported with the input that caused it, and the remaining runs pass through without sending anything.
    let fatal: unknown;
    const property = fc.asyncProperty(arbitrary, async (input) => {
      if (fatal !== undefined || context.aborted?.()) return true;
      let outcomes: Outcome[];
      try {
        outcomes = await judge.evaluate(input);
      } catch (error) {
        fatal = error;
        return true;
      }
      context.ledger.count(outcomes);
      const failing = outcomes.filter((o) => !o.ok && !setAside.has(o.ruleId));
      if (failing.length === 0) return true;
      lastFailure = { input, failing };
      return false;
    });
    const details = await fc.check(property, {
      seed: shard.seed,
      numRuns: shard.numRuns,
      ...(context.path ? { path: context.path } : {}),
      // slow inputs (hostile conversations) bound each round, and the run's own bound every search; shrinking then
      // stops at the smallest input found so far
      ...timeLimit(budget.roundMs && !context.path ? budget.roundMs : undefined, context.deadline),
    });
    if (fatal !== undefined) throw asGwiError(fatal);
    if (!details.failed) return;
    // fast-check counts an interruption before any run succeeded as a failure; without a counterexample it is only
    // the time bound, which the run reports on its own
    if (details.interrupted && !lastFailure && details.errorInstance == null) return;
    if (details.errorInstance instanceof GwiError || !lastFailure) {
      throw details.errorInstance instanceof GwiError ? details.errorInstance : asGwiError(details.errorInstance, 'GWI_HARNESS_BUG');
    }
    const path = details.counterexamplePath ?? '';
    for (const outcome of lastFailure.failing) {
      context.ledger.addFinding(outcome, judge.show(lastFailure.input), { ...context.replay, property: id, seed: details.seed, path, rule: outcome.ruleId });
      setAside.add(outcome.ruleId);
    }
  }
}

/** fast-check's interruption for the smaller of a round's bound and what is left of the run's. */
function timeLimit(roundMs: number | undefined, deadline: number | undefined): { interruptAfterTimeLimit?: number; markInterruptAsFailure?: boolean } {
  const left = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
  const limit = roundMs === undefined ? left : left === undefined ? roundMs : Math.min(roundMs, left);
  return limit === undefined ? {} : { interruptAfterTimeLimit: limit, markInterruptAsFailure: false };
}

/** Only the outcomes of the entry's own rules, and of those only the selected ones. */
export const ownOutcomes = (entry: { rules: string[] }, selected: (ruleId: string) => boolean) => (outcomes: Outcome[]) =>
  outcomes.filter((o) => entry.rules.includes(o.ruleId) && selected(o.ruleId));

const showRequest = (request: HttpRequest) => escapeOctets(serializeRequest(request));

/** Record the outcomes of a fixed input: counted, and each deviation a finding replayed by the case id. */
export function recordCase(id: string, outcomes: Outcome[], shown: string, context: SearchContext): void {
  context.ledger.count(outcomes);
  for (const outcome of outcomes.filter((o) => !o.ok)) context.ledger.addFinding(outcome, shown, { ...context.replay, case: id, rule: outcome.ruleId });
}

/** Run a property of the server suite. */
export async function runProperty(entry: PropertyDef, context: EntryContext, shard: Shard = { seed: context.seed, numRuns: context.numRuns ?? entry.numRuns }): Promise<void> {
  const own = ownOutcomes(entry, context.selected);
  await searchProperty(entry.id, entry.arbitrary(context.suite), { evaluate: async (request) => own(await entry.evaluate(request, context)), show: showRequest }, context, shard);
}

/** Run a fixed case once. */
export async function runCase(entry: CaseDef, context: EntryContext): Promise<void> {
  const request = entry.request(context.suite);
  recordCase(entry.id, ownOutcomes(entry, context.selected)(await entry.evaluate(request, context)), showRequest(request), context);
}

/** Run a scenario once: it plays its own turns and judges with the shared verifiers. */
export async function runScenario(entry: ScenarioDef, context: EntryContext): Promise<void> {
  const request = entry.request(context.suite);
  recordCase(entry.id, ownOutcomes(entry, context.selected)(await entry.play(request, context)), showRequest(request), context);
}

/**
 * Run a hostile property: slow conversations (mostly waiting on the server), so rounds are few and bounded in time.
 * Every round replays the same seed, so the same inputs come again: each input's conversation is held once and its
 * outcomes reused (the octets are the key); later rounds only talk to the server about inputs not seen yet.
 * (Playing the inputs several at a time beforehand was tried: under that load cheroot answered a fixed case
 * differently, so verdicts would depend on the harness's own concurrency.)
 */
export async function runHostile(entry: HostilePropertyDef, context: EntryContext, shard: Shard): Promise<void> {
  const own = ownOutcomes(entry, context.selected);
  const arbitrary = entry.arbitrary(context.suite);
  const show = (input: Parameters<HostilePropertyDef['show']>[0]) => entry.show(input, context.suite);
  const seen = new Map<string, Outcome[]>();
  const play = async (input: Parameters<HostilePropertyDef['show']>[0]) => {
    const outcomes = own(await entry.run(input, context));
    seen.set(show(input), outcomes);
    return outcomes;
  };
  const roundMs = 20_000;
  await searchProperty(entry.id, arbitrary, { evaluate: (input) => Promise.resolve(seen.get(show(input)) ?? play(input)), show }, context, shard, { rounds: 3, roundMs });
}
