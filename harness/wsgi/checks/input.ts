import type { StreamCall } from '../../generated/probeReport.ts';
import { serializeRequest } from '../../http/request.ts';
import { expectThat, pass, deviation, type Check, type Outcome } from '../observation.ts';

const octets = (call: StreamCall) => (call.result?.type === 'bytes' && typeof call.result.value === 'string' ? call.result.value : undefined);

/**
 * Checks of the generated reads: read(n) in steps and readline(), never past the end of the body.
 * Each call is judged on its own terms (read(n) at most n octets; readline() one line: a newline only at its end, and
 * no newline only at the end of the input), and all the octets together against the body, so a wrong body is the
 * body rule's finding and not the readline rule's. The body rule is wsgi.input.chunked-body for chunked framing.
 */
export const inputReads: Check = ({ request, report, response }) => {
  const bodyRule = request.chunks ? 'wsgi.input.chunked-body' : 'wsgi.input.body';
  const unsupportedRule = 'wsgi.input.chunked-unsupported';
  if (!report) {
    // A server that does not take chunked bodies may refuse them, as long as the application never runs.
    if (!request.chunks || response.status < 400) return [];
    return [pass(bodyRule, '/response/status', { profile: `rejected with ${response.status}` }), pass(unsupportedRule, '/response/status')];
  }
  const calls = report.input.calls;
  // a chunked body announced as CONTENT_LENGTH 0 (or none read) is still a body the application did not get
  if (calls.length === 0 && !(request.chunks && request.body !== '')) return [];
  const out: Outcome[] = [];
  const pieces: Array<{ name: string; data: string; index: number }> = [];
  let failed = false as boolean;
  calls.forEach((call, index) => {
    const pointer = `/report/input/calls/${index}`;
    const [name, arg] = call.op.split(':');
    const ruleId = name === 'readline' ? 'wsgi.input.readline' : 'wsgi.input.read-size';
    if (call.blocked) return;
    const data = call.error === undefined ? octets(call) : undefined;
    if (data === undefined) {
      out.push(deviation(ruleId, pointer, call.error !== undefined ? `${call.op} raised` : `${call.op} did not return bytes`, 'bytes', call.error ?? call.result?.type));
      failed = true;
      return;
    }
    if (name === 'read' && arg !== undefined) {
      out.push(expectThat(ruleId, pointer, data.length <= Number(arg), `read(${arg}) returned more than ${arg} octets`, `at most ${arg} octets`, data.length));
    }
    pieces.push({ name, data, index });
  });
  const got = pieces.map((p) => p.data).join('');
  let position = 0;
  pieces.forEach(({ name, data, index }, i) => {
    const before = position;
    position += data.length;
    if (name !== 'readline') return;
    const pointer = `/report/input/calls/${index}`;
    const inner = data.slice(0, -1).includes('\n');
    // while what came so far is the body, a line cut short of its newline is readline's fault, not the body's
    const onTrack = got.slice(0, before) === request.body.slice(0, before);
    const lineEnd = request.body.indexOf('\n', before);
    const cutShort = onTrack && lineEnd >= 0 && data.length < lineEnd + 1 - before && request.body.startsWith(data, before);
    const unterminated = !data.endsWith('\n') && (cutShort || pieces.slice(i + 1).some((later) => later.data.length > 0));
    const ok = !inner && !unterminated;
    failed ||= !ok; // the octets of a broken readline() say nothing more about the body
    out.push(expectThat('wsgi.input.readline', pointer, ok, inner ? 'readline() returned more than one line' : 'readline() stopped before the newline although more input followed', 'one line, up to and including its newline', data));
  });
  if (failed) return out;
  if (request.chunks) {
    // the framing octets themselves (or nothing) reached the application: the server does not decode chunked bodies
    const framed = serializeRequest(request).toString('latin1');
    const wire = framed.slice(framed.indexOf('\r\n\r\n') + 4);
    const undecoded = (got !== request.body || report.input.blocked) && (got === '' || wire.startsWith(got));
    if (undecoded) {
      out.push(deviation(unsupportedRule, '/report/input/calls', 'the application was called with the chunked framing (or no body) instead of the request being refused', 'the decoded body, or an error response', got));
      return out;
    }
    out.push(pass(unsupportedRule, '/report/input/calls'));
  }
  if (report.input.blocked) {
    out.push(deviation(bodyRule, `/report/input/calls/${calls.length - 1}`, 'wsgi.input stopped delivering before the end of the body', request.body, got));
  } else {
    out.push(expectThat(bodyRule, '/report/input/calls', got === request.body, 'the octets read are not the body sent', request.body, got));
  }
  return out;
};
