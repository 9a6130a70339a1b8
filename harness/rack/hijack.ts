import { GwiError } from '../core/errors.ts';
import type { PlayContext, ScenarioDef } from '../run/entries.ts';
import type { HttpRequest } from '../http/request.ts';
import { send, type Sent } from '../run/send.ts';
import { deviation, expectThat, inconclusive, pass, type Outcome } from './observation.ts';
import { plannedRequest } from './plans.ts';
import { validators } from './schemas.ts';

const notOffered = 'the server does not offer hijacking (rack.hijack? is not true)';
/** The octets after the response's header section, as the server sent them (a hijacked IO answers for its own framing). */
const afterHead = (raw: Buffer) => {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  return end < 0 ? '' : text.slice(end + 4);
};

/**
 * Send a hijacking request: an answer that is not HTTP at all (the connection closed with nothing, or garbage) is what
 * the client got of the hijacked connection, a finding of the rule at hand rather than a broken server.
 */
async function sendHijacking(request: HttpRequest, context: PlayContext, ruleId: string): Promise<Sent | Outcome> {
  try {
    return await send(request, context.execution, { partialHead: true });
  } catch (error) {
    if (error instanceof GwiError && error.code === 'GWI_SERVER_GARBAGE') {
      const received = /received: (.*)/.exec(error.message)?.[1]?.trim();
      return deviation(ruleId, '/response', 'no HTTP response reached the client from the hijacked connection', 'the octets the probe wrote', received || 'the connection closed without an octet');
    }
    throw error;
  }
}

/** The probe's own error answer (it rescued an exception): nothing to judge the server on. */
const probeFailed = (body: string) => body.startsWith('gwi-probe error:');

/** The Rack SPEC's two ways of hijacking a connection, where the server offers them. */
export const hijackScenarios: ScenarioDef[] = [
  {
    kind: 'scenario',
    id: 'rack.hijack.full',
    does: 'the probe calls rack.hijack before answering, writes a whole HTTP response of its own to the IO it got and closes it',
    rules: ['rack.hijack.request'],
    request: (context) => plannedRequest(context, { hijack: 'full' }),
    async play(request, context): Promise<Outcome[]> {
      const ruleId = 'rack.hijack.request';
      const sent = await sendHijacking(request, context, ruleId);
      if (!('response' in sent)) return [sent];
      const { response } = sent;
      if (probeFailed(response.body)) return [inconclusive(ruleId, '/response/body', response.body.slice(0, 300))];
      let report: unknown;
      try {
        report = JSON.parse(response.body);
      } catch {
        return [deviation(ruleId, '/response', 'what the probe wrote through the hijacked IO did not reach the client as written', 'the probe\'s own 200 response with a JSON body', afterHead(response.raw).slice(0, 300) || `${response.status} without a body`)];
      }
      if (!validators.hijackReport(report)) return [deviation(ruleId, '/response/body', 'the client received another body than the one the probe wrote through the hijacked IO', 'the probe\'s JSON document', response.body.slice(0, 300))];
      if (!report.offered) return [inconclusive(ruleId, '/report/offered', notOffered)];
      const problems: string[] = [];
      if (!report.callable) problems.push('rack.hijack does not respond to call');
      if (report.raised) problems.push(`calling rack.hijack raised ${report.raised}`);
      if (report.returned !== null && report.sameAsHijackIo === false) problems.push('rack.hijack_io does not hold what rack.hijack returned');
      if (report.missing.length) problems.push(`what rack.hijack returned (${report.returned}) does not respond to ${report.missing.join(', ')}`);
      if (problems.length === 0 && !report.hijacked) problems.push('the probe could not write through what rack.hijack returned');
      return [expectThat(ruleId, '/report', problems.length === 0, problems[0] ?? '', 'an IO-like object from rack.hijack, also in rack.hijack_io, carrying the probe\'s response', problems)];
    },
  },
  {
    kind: 'scenario',
    id: 'rack.hijack.partial',
    does: 'the probe answers with a rack.hijack header whose callable writes its own octets and closes the IO, beside a body the server must ignore',
    rules: ['rack.hijack.response'],
    request: (context) => plannedRequest(context, { hijack: 'partial' }),
    async play(request, context): Promise<Outcome[]> {
      const ruleId = 'rack.hijack.response';
      const sent = await sendHijacking(request, context, ruleId);
      if (!('response' in sent)) return [sent];
      const { response } = sent;
      if (probeFailed(response.body)) return [inconclusive(ruleId, '/response/body', response.body.slice(0, 300))];
      const rest = afterHead(response.raw);
      if (!rest.includes('hijacked missing=') && !rest.includes('body-the-server-must-ignore')) {
        let report: unknown;
        try {
          report = JSON.parse(response.body);
        } catch {
          report = undefined;
        }
        if (validators.hijackReport(report) && !report.offered) return [inconclusive(ruleId, '/report/offered', notOffered)];
      }
      const missing = /hijacked missing=([a-z_?,]*)/.exec(rest)?.[1];
      const problems: string[] = [];
      if (response.status !== 200) problems.push(`the status is ${response.status}, not the application's 200`);
      if (missing === undefined) problems.push('the octets the rack.hijack callable wrote did not reach the client (was it called?)');
      else if (missing !== '') problems.push(`the IO handed to the rack.hijack callable does not respond to ${missing.split(',').join(', ')}`);
      if (rest.includes('body-the-server-must-ignore')) problems.push('the server sent the body part of the response although rack.hijack was in use');
      return [expectThat(ruleId, '/response', problems.length === 0, problems[0] ?? '', 'status 200, the headers, then "hijacked missing=" and nothing of the body', problems.length ? rest.slice(0, 300) : undefined)];
    },
  },
];

/** rack.hijack and rack.hijack_io only beside rack.hijack? true; a server that offers hijacking keeps the rule. */
export function hijackKeys(env: Record<string, { class: string }>): Outcome {
  const ruleId = 'rack.hijack.absent-when-unsupported';
  if (env['rack.hijack?']?.class === 'TrueClass') return pass(ruleId, '/report/env/rack.hijack?');
  const present = ['rack.hijack', 'rack.hijack_io'].filter((key) => env[key] !== undefined && env[key].class !== 'NilClass');
  return expectThat(ruleId, '/report/env', present.length === 0, `${present.join(' and ')} set although rack.hijack? is not true`, 'neither key', present);
}
