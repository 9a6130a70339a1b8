import fc from 'fast-check';
import { GwiError, asGwiError } from '../errors.ts';
import { escapeOctets, serializeRequest, type HttpRequest } from '../http/request.ts';
import type { Outcome } from '../wsgi/observation.ts';
import type { CaseDef, PropertyDef, ScenarioDef, SuiteContext } from '../wsgi/suite.ts';
import { execute, type ExecuteContext } from './execute.ts';
import type { Ledger } from './ledger.ts';

export interface EntryContext {
  suite: SuiteContext;
  execution: ExecuteContext;
  ledger: Ledger;
  /** Rules selected for this run. */
  selected: (ruleId: string) => boolean;
  seed: number;
  /** Replay one shrunk counterexample of a property. */
  path?: string;
  /** Overrides the property's own number of runs. */
  numRuns?: number;
  /** The command prefix that reruns this adapter, for replay lines. */
  command: string;
  /** True once the run has been given up (the server died): entries stop sending. */
  aborted?: () => boolean;
  /** Most rounds of "find a failure, set its rules aside, search again" per property. */
  maxRounds?: number;
}

/** One slice of a property's runs, with its own seed, so a property can keep several connections busy. */
export interface Shard {
  seed: number;
  numRuns: number;
}

/**
 * A property's runs split over `count` shards with seeds seed, seed+1, …; each shard's replay line names its own seed.
 * A replay (path given) is one shard with the given seed.
 */
export function shardsOf(entry: Pick<PropertyDef, 'numRuns'>, context: Pick<EntryContext, 'seed' | 'path' | 'numRuns'>, count: number): Shard[] {
  const total = context.numRuns ?? entry.numRuns;
  if (context.path) return [{ seed: context.seed, numRuns: total }];
  const n = Math.max(1, Math.min(count, total));
  // shard seeds far apart, so runs with nearby --seed values do not share shards
  return Array.from({ length: n }, (_, k) => ({ seed: (context.seed + k * 1_000_003) | 0, numRuns: Math.ceil((total - k) / n) }));
}

async function outcomesFor(entry: PropertyDef | CaseDef, request: HttpRequest, context: EntryContext): Promise<Outcome[]> {
  const observation = await execute(request, context.execution);
  return entry.check(observation).filter((o) => entry.rules.includes(o.ruleId) && context.selected(o.ruleId));
}

/** What a property search needs to know about its inputs: how to judge one, and how to show it in a finding. */
export interface Judge<I> {
  evaluate(input: I): Promise<Outcome[]>;
  show(input: I): string;
}

/**
 * Run a property: fast-check generates inputs, the first failure is shrunk to a minimal input, its deviations are
 * recorded with a replay command, then those rules are set aside and the search goes on, so each failing rule gets
 * its own minimal reproducer. The inputs are requests for a server, environs for an application.
 */
export async function searchProperty<I>(
  id: string, arbitrary: fc.Arbitrary<I>, judge: Judge<I>, context: Pick<EntryContext, 'ledger' | 'path' | 'maxRounds' | 'aborted' | 'command'>, shard: Shard,
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
      // slow inputs (hostile conversations) bound each round; shrinking then stops at the smallest input found so far
      ...(budget.roundMs && !context.path ? { interruptAfterTimeLimit: budget.roundMs, markInterruptAsFailure: false } : {}),
    });
    if (fatal !== undefined) throw asGwiError(fatal);
    if (!details.failed) return;
    if (details.errorInstance instanceof GwiError || !lastFailure) {
      throw details.errorInstance instanceof GwiError ? details.errorInstance : asGwiError(details.errorInstance, 'GWI_SERVER_CRASHED');
    }
    const path = details.counterexamplePath ?? '';
    for (const outcome of lastFailure.failing) {
      const replay = `${context.command} --property ${id} --seed ${details.seed} --path ${path} --rule ${outcome.ruleId}`;
      context.ledger.addFinding(outcome, judge.show(lastFailure.input), replay);
      setAside.add(outcome.ruleId);
    }
  }
}

/** The request-side judge: send the request, check what came back. */
const requestJudge = (entry: PropertyDef | CaseDef, context: EntryContext): Judge<HttpRequest> => ({
  evaluate: (request) => outcomesFor(entry, request, context),
  show: (request) => escapeOctets(serializeRequest(request)),
});

/** Run a property of the server suite. */
export async function runProperty(entry: PropertyDef, context: EntryContext, shard: Shard = { seed: context.seed, numRuns: context.numRuns ?? entry.numRuns }): Promise<void> {
  await searchProperty(entry.id, entry.arbitrary(context.suite), requestJudge(entry, context), context, shard);
}

/** Run a fixed case once. */
export async function runCase(entry: CaseDef, context: EntryContext): Promise<void> {
  const request = entry.request(context.suite);
  const outcomes = await outcomesFor(entry, request, context);
  context.ledger.count(outcomes);
  for (const outcome of outcomes.filter((o) => !o.ok)) {
    context.ledger.addFinding(outcome, escapeOctets(serializeRequest(request)), `${context.command} --case ${entry.id} --rule ${outcome.ruleId}`);
  }
}

/** Run a scenario once: it plays its own turns and judges with the shared verifiers. */
export async function runScenario(entry: ScenarioDef, context: EntryContext): Promise<void> {
  const request = entry.request(context.suite);
  const outcomes = (await entry.play(request, { suite: context.suite, execution: context.execution })).filter(
    (o) => entry.rules.includes(o.ruleId) && context.selected(o.ruleId),
  );
  context.ledger.count(outcomes);
  for (const outcome of outcomes.filter((o) => !o.ok)) {
    context.ledger.addFinding(outcome, escapeOctets(serializeRequest(request)), `${context.command} --case ${entry.id} --rule ${outcome.ruleId}`);
  }
}
