import type fc from 'fast-check';
import type { HttpRequest } from '../http/request.ts';
import type { EventLog } from './eventLog.ts';
import type { Outcome } from './outcome.ts';
import type { RunningServer } from './server.ts';

/** What a suite entry may know about the server it runs against, whichever interface the server speaks. */
export interface SuiteContext {
  port: number;
  capabilities: string[];
  /** Milliseconds the probe waits for input calls that may block. */
  deadlineMs: number;
  /** Where the probe logs what happens inside the application while it answers a response plan, and its arrivals. */
  log: EventLog;
  /** The mount prefix the adapter declares (its scriptName): where the probe's paths begin. */
  scriptName?: string;
}

/** How one request is sent. */
export interface ExecuteContext {
  server: RunningServer;
  scriptName: string;
  /** Bound on one exchange. */
  timeoutMs: number;
  /** Called once per request sent, e.g. to count them for a benchmark. */
  onRequest?: () => void;
  log?: EventLog;
}

export interface PlayContext {
  suite: SuiteContext;
  execution: ExecuteContext;
  /**
   * Start another instance of the adapter's server with extra environment (a scenario about start-up or shutdown,
   * e.g. an ASGI lifespan failure mode); it resolves once that instance serves the probe, and the caller stops it.
   */
  launch?(env: Record<string, string>): Promise<RunningServer>;
}

interface Base {
  /** Stable id, used by --property / --case to replay. */
  id: string;
  /** What the harness does, in a phrase; what is required comes from the rules. */
  does: string;
  /** The rules this entry checks; outcomes for other rules are dropped. */
  rules: string[];
}

/** Sends one request and judges what came back; the interface plugin knows how to read its probe. */
export type RequestJudge = (request: HttpRequest, context: PlayContext) => Promise<Outcome[]>;

/** A property over generated requests: failures are shrunk to a minimal request. */
export interface PropertyDef extends Base {
  kind: 'property';
  numRuns: number;
  arbitrary(context: SuiteContext): fc.Arbitrary<HttpRequest>;
  evaluate: RequestJudge;
}

/** One fixed request. */
export interface CaseDef extends Base {
  kind: 'case';
  request(context: SuiteContext): HttpRequest;
  evaluate: RequestJudge;
}

/**
 * A case that needs turns between the harness and the application (pauses, early closes, waiting for 100 Continue):
 * play() sends `request`, acts, and judges with the shared verifiers.
 */
export interface ScenarioDef extends Base {
  kind: 'scenario';
  request(context: SuiteContext): HttpRequest;
  play(request: HttpRequest, context: PlayContext): Promise<Outcome[]>;
}

/** A property whose inputs are hostile octets with their acceptable outcomes, played like a scenario (the security profile). */
export interface HostilePropertyDef<I = unknown> extends Base {
  kind: 'hostile';
  numRuns: number;
  arbitrary(context: SuiteContext): fc.Arbitrary<I>;
  run(input: I, context: PlayContext): Promise<Outcome[]>;
  show(input: I, context: SuiteContext): string;
}

export type SuiteEntry = PropertyDef | CaseDef | ScenarioDef | HostilePropertyDef;

/** A property whose requests a plugin judges with a check of what its probe reported (see judge.ts). */
export interface CheckedPropertyDef<C> extends Omit<PropertyDef, 'evaluate'> {
  check: C;
}

/** A fixed case judged by a check. */
export interface CheckedCaseDef<C> extends Omit<CaseDef, 'evaluate'> {
  check: C;
}

export type CheckedEntry<C> = CheckedPropertyDef<C> | CheckedCaseDef<C> | ScenarioDef;
