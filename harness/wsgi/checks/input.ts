import type { StreamCall } from '../../generated/probeReport.ts';
import { expectThat, pass, deviation, type Check, type Outcome } from '../observation.ts';

const octets = (call: StreamCall) => (call.result?.type === 'bytes' && typeof call.result.value === 'string' ? call.result.value : undefined);

/**
 * Checks of the generated reads: read(n) in steps and readline(), never past the end of the body.
 * The body rule is wsgi.input.body for Content-Length framing and wsgi.input.chunked-body for chunked framing.
 */
export const inputReads: Check = ({ request, report, response }) => {
  const bodyRule = request.chunks ? 'wsgi.input.chunked-body' : 'wsgi.input.body';
  if (!report) {
    // A server that does not take chunked bodies may refuse them, as long as the application never runs.
    return request.chunks && response.status >= 400 ? [pass(bodyRule, '/response/status', { profile: `rejected with ${response.status}` })] : [];
  }
  const calls = report.input.calls;
  if (calls.length === 0) return [];
  const out: Outcome[] = [];
  let position = 0;
  let got = '';
  let linesOk = true;
  calls.forEach((call, index) => {
    const pointer = `/report/input/calls/${index}`;
    const [name, arg] = call.op.split(':');
    const ruleId = name === 'readline' ? 'wsgi.input.readline' : 'wsgi.input.read-size';
    if (call.error !== undefined) {
      out.push(deviation(ruleId, pointer, `${call.op} raised`, 'bytes', call.error));
      linesOk = false;
      return;
    }
    if (call.blocked) return;
    const data = octets(call);
    if (data === undefined) {
      out.push(deviation(ruleId, pointer, `${call.op} did not return bytes`, 'bytes', call.result?.type));
      linesOk = false;
      return;
    }
    if (name === 'readline') {
      const end = request.body.indexOf('\n', position);
      const line = request.body.slice(position, end < 0 ? undefined : end + 1);
      const ok = data === line;
      out.push(expectThat('wsgi.input.readline', pointer, ok, 'readline() did not return the next line', line, data));
      linesOk &&= ok;
    } else {
      const size = Number(arg);
      out.push(expectThat('wsgi.input.read-size', pointer, data.length <= size, `read(${size}) returned more than ${size} octets`, `at most ${size} octets`, data.length));
    }
    position += data.length;
    got += data;
  });
  if (report.input.blocked) {
    out.push(deviation(bodyRule, `/report/input/calls/${calls.length - 1}`, 'wsgi.input stopped delivering before the end of the body', request.body, got));
  } else if (linesOk) {
    out.push(expectThat(bodyRule, '/report/input/calls', got === request.body, 'the octets read are not the body sent', request.body, got));
  }
  return out;
};
