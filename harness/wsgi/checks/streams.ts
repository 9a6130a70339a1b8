import type { StreamCall } from '../../generated/probeReport.ts';
import { expectThat, pass, deviation, type Check, type Outcome } from '../observation.ts';

const octets = (call: StreamCall | undefined) => (call?.result?.type === 'bytes' && typeof call.result.value === 'string' ? call.result.value : undefined);
const lines = (call: StreamCall | undefined) =>
  call?.result?.type === 'list' && Array.isArray(call.result.value) && call.result.value.every((item) => item.type === 'bytes')
    ? call.result.value.map((item) => String(item.value))
    : undefined;

const eofRule = 'wsgi.input.eof-at-content-length';

/** A method wsgi.input lacks is wsgi.input.methods' finding: what calling it did cannot be judged. */
function missingMethod(observation: Parameters<Check>[0], method: string, pointer: string): Outcome | undefined {
  const ruleId = method === '__iter__' ? 'wsgi.input.iter' : 'wsgi.input.readlines';
  return observation.report?.input.methods[method] === false ? { ruleId, ok: true, pointer, inconclusive: `wsgi.input has no ${method} (see wsgi.input.methods)` } : undefined;
}

/** The last call of the plan (the one under test), with its index. */
function lastCall(observation: Parameters<Check>[0]): [StreamCall | undefined, number] {
  const calls = observation.report?.input.calls ?? [];
  return [calls[calls.length - 1], calls.length - 1];
}

/** read(1) after the whole body: an empty bytestring, promptly. */
export const eofAfterBody: Check = (observation) => {
  const [call, index] = lastCall(observation);
  if (!observation.report || !call || !call.op.startsWith('read')) return [];
  if (call.blocked) return [deviation(eofRule, `/report/input/calls/${index}`, 'read(1) past CONTENT_LENGTH was still waiting for input when the deadline passed', "b''", 'blocked')];
  const data = octets(call);
  return [expectThat(eofRule, `/report/input/calls/${index}`, data === '', 'reading past CONTENT_LENGTH did not return an empty bytestring', "b''", call.error ?? data)];
};

/** read() with no argument: the rest of the body. */
export const readNoSize: Check = (observation) => {
  const [call, index] = lastCall(observation);
  if (!observation.report || !call) return [];
  const ruleId = 'wsgi.input.read-no-size';
  if (call.blocked) return [deviation(ruleId, `/report/input/calls/${index}`, 'read() was still waiting for input when the deadline passed', observation.request.body, 'blocked')];
  return [expectThat(ruleId, `/report/input/calls/${index}`, octets(call) === observation.request.body, 'read() did not return the body', observation.request.body, call.error ?? octets(call))];
};

/** read(1) on a request without a body: an empty bytestring, promptly. */
export const emptyRead: Check = (observation) => {
  const [call, index] = lastCall(observation);
  if (!observation.report || !call) return [];
  const ruleId = 'wsgi.input.empty-read';
  if (call.blocked) return [deviation(ruleId, `/report/input/calls/${index}`, 'read(1) on an empty input was still waiting when the deadline passed', "b''", 'blocked')];
  return [expectThat(ruleId, `/report/input/calls/${index}`, octets(call) === '', 'read(1) on an empty input did not return an empty bytestring', "b''", call.error ?? octets(call))];
};

/** readline(size) with size shorter than the first line. */
export const readlineSize: Check = (observation) => {
  const calls = observation.report?.input.calls ?? [];
  const call = calls[0];
  if (!observation.report || !call) return [];
  const ruleId = 'wsgi.input.readline-size';
  const size = Number(call.op.split(':')[1]);
  const expected = observation.request.body.slice(0, size);
  if (call.blocked) return [deviation(ruleId, '/report/input/calls/0', `${call.op} blocked`, expected, 'blocked')];
  return [expectThat(ruleId, '/report/input/calls/0', octets(call) === expected, `${call.op} did not return the first ${size} octets of the line`, expected, call.error ?? octets(call))];
};

/**
 * readlines() / iteration over the whole body. Both read until end of file, so on a server that does not end the
 * input at CONTENT_LENGTH they wait for the client: that is the EOF rule's deviation, and this rule cannot be judged.
 */
export function wholeBodyLines(ruleId: 'wsgi.input.readlines' | 'wsgi.input.iter'): Check {
  return (observation) => {
    const [call, index] = lastCall(observation);
    if (!observation.report || !call) return [];
    const pointer = `/report/input/calls/${index}`;
    const missing = missingMethod(observation, ruleId === 'wsgi.input.iter' ? '__iter__' : 'readlines', pointer);
    if (missing) return [missing];
    if (call.blocked) {
      return [
        deviation(eofRule, pointer, `${call.op} kept waiting for input after the body`, 'returns at the end of the body', 'blocked'),
        { ruleId, ok: true, pointer, inconclusive: `${call.op} blocked at the end of the body (see ${eofRule})` },
      ];
    }
    const expected = observation.request.body.split(/(?<=\n)/);
    const got = lines(call);
    return [expectThat(ruleId, pointer, got !== undefined && JSON.stringify(got) === JSON.stringify(expected), `${call.op} did not return the lines of the body`, expected, call.error ?? got ?? call.result?.type)];
  };
}

/** readlines(hint): honouring and ignoring the hint are both allowed; which one is recorded. */
export const readlinesHint: Check = (observation) => {
  const [call, index] = lastCall(observation);
  if (!observation.report || !call) return [];
  const ruleId = 'wsgi.input.readlines-hint';
  const pointer = `/report/input/calls/${index}`;
  const missing = missingMethod(observation, 'readlines', pointer);
  if (missing) return [missing, { ...missing, ruleId }];
  if (call.blocked) return [{ ruleId, ok: true, pointer, inconclusive: `${call.op} blocked at the end of the body (see ${eofRule})` }];
  const got = lines(call);
  const all = observation.request.body.split(/(?<=\n)/);
  if (call.error !== undefined || got === undefined) return [deviation('wsgi.input.readlines', pointer, `${call.op} failed`, 'a list of lines', call.error ?? call.result?.type)];
  return [pass(ruleId, pointer, { profile: got.length < all.length ? 'hint honoured' : 'hint ignored' })];
};

/** wsgi.errors: text writes succeed; arbitrary unicode is accepted. */
export const errorsWrites: Check = ({ report }) => {
  if (!report || report.errors.calls.length === 0) return [];
  const out: Outcome[] = [];
  report.errors.calls.forEach((call, index) => {
    // a method wsgi.errors lacks is wsgi.errors.methods' finding
    if (report.errors.methods[call.op.replace('-unicode', '')] === false) return;
    const ruleId = call.op === 'write-unicode' ? 'wsgi.errors.unicode' : 'wsgi.errors.write';
    out.push(expectThat(ruleId, `/report/errors/calls/${index}`, call.error === undefined, `wsgi.errors.${call.op.replace('-unicode', '')}() raised`, 'no exception', call.error));
  });
  return out;
};
