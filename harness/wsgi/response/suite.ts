import { responsePlan } from '../generators/responsePlan.ts';
import type { CaseDef, PropertyDef, SuiteEntry } from '../entries.ts';
import { iterableAttributes, responseMatchesPlan, startInIteration } from './checks.ts';
import { newPlanId, plannedRequest } from './plans.ts';
import { responseScenarios } from './scenarios.ts';

const plans: PropertyDef = {
  kind: 'property',
  id: 'response.plans',
  does: 'has the application answer with generated statuses, headers and bodies in every iterable shape',
  numRuns: 80,
  rules: [
    'wsgi.response.status', 'wsgi.response.headers', 'wsgi.response.body', 'wsgi.response.write.order', 'wsgi.response.close',
    'wsgi.response.start-response.returns-write', 'wsgi.response.date', 'wsgi.response.server-header', 'http.response.framing',
  ],
  check: responseMatchesPlan,
  arbitrary: (context) => responsePlan().map((plan) => plannedRequest(context, { id: newPlanId(), ...plan })),
};

/** A shape the generator reaches only now and then, fixed: the whole body through write(), then an empty iterable. */
const writeOnly: CaseDef = {
  kind: 'case',
  id: 'response.write-only',
  does: 'has the application send its whole body through write() and return an empty list, on HTTP/1.1 without Content-Length',
  rules: ['wsgi.response.body', 'http.response.framing'],
  check: responseMatchesPlan,
  request: (context) => plannedRequest(context, { id: newPlanId(), writes: ['written ', 'only'], body: [] }),
};

/** start_response called only when the generator is first iterated (PEP 3333 says servers must allow it). */
const deferredStart: CaseDef = {
  kind: 'case',
  id: 'response.start-in-iteration',
  does: 'has the application return a generator that calls start_response (201 Created, X-Deferred) only when first iterated',
  rules: ['wsgi.response.start-in-iteration', 'wsgi.response.body'],
  check: startInIteration,
  request: (context) => plannedRequest(context, { id: newPlanId(), shape: 'deferred', status: '201 Created', headers: [['Content-Type', 'text/plain'], ['X-Deferred', 'yes']], body: ['deferred ', 'start'] }),
};

/** An iterable that logs what the server looks up on it. */
const watched: CaseDef = {
  kind: 'case',
  id: 'response.iterable-attributes',
  does: 'has the application return an iterable with close() that logs every other attribute looked up on it',
  rules: ['wsgi.response.iterable-attributes'],
  check: iterableAttributes,
  request: (context) => plannedRequest(context, { id: newPlanId(), shape: 'watched', headers: [['Content-Type', 'text/plain']], body: ['watched ', 'iterable'] }),
};

/**
 * A result with __len__ (and close), fixed: a server may take its length as a hint, but what it sends must still be
 * the chunks iteration gives, framed as they are (the generator draws this shape only now and then).
 */
const sized: CaseDef = {
  kind: 'case',
  id: 'response.sized',
  does: 'has the application return an iterable with __len__ and close() yielding two chunks, without Content-Length',
  rules: ['wsgi.response.body', 'http.response.framing'],
  check: responseMatchesPlan,
  request: (context) => plannedRequest(context, { id: newPlanId(), shape: 'sized', headers: [['Content-Type', 'text/plain']], body: ['sized ', 'result'] }),
};

/** What the harness does to check the response side: start_response, the iterable, write(), close(), file_wrapper. */
export const responseSuite: SuiteEntry[] = [plans, writeOnly, deferredStart, watched, sized, ...responseScenarios];
