import fc from 'fast-check';
import type { HostileOutcome } from '../generated/hostileCorpus.ts';

/** A generated hostile request: raw octets (with {host} and {arrivals} placeholders) and what the rule accepts. */
export interface GeneratedHostile {
  rule: string;
  /** Which mutation made it, in a phrase. */
  mutation: string;
  octets: string;
  acceptable: HostileOutcome[];
}

export interface HostileRequestConstraints {
  /** Include mutations of chunked bodies (only for servers that decode chunked request bodies). Default false. */
  chunked?: boolean;
}

const tag = 'X-Gwi-Arrivals: {arrivals}\r\n';
const head = (method: string, path: string, fields: string[]) => `${method} ${path} HTTP/1.1\r\nHost: {host}\r\n${tag}${fields.map((f) => f + '\r\n').join('')}\r\n`;
/** The request pipelined after the hostile one: if framing goes wrong, it (or part of the body) shows up as an arrival. */
const followUp = head('GET', '/after', []);

const rejected = (status = '400'): HostileOutcome => ({ name: 'rejected', statuses: [status], arrivals: [], closes: true });
const notImplemented: HostileOutcome = { name: 'not implemented', statuses: ['501'], arrivals: [], closes: true };

/** Body octets that can never be read as a placeholder or a line end. */
const bodyText = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 24 });
const pathSegment = fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 1, maxLength: 6 });

function chunked(body: string, sizes: number[]): string {
  let out = '';
  let offset = 0;
  for (const size of sizes) {
    const part = body.slice(offset, offset + size);
    if (part.length === 0) break;
    out += `${part.length.toString(16)}\r\n${part}\r\n`;
    offset += part.length;
  }
  if (offset < body.length) out += `${(body.length - offset).toString(16)}\r\n${body.slice(offset)}\r\n`;
  return out + '0\r\n\r\n';
}
const chunkSizes = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 });

/** RFC 9112 section 6.1: Content-Length and Transfer-Encoding together; only the chunked framing may be used, then close. */
const clAndTe = fc
  .record({ path: pathSegment, body: bodyText, sizes: chunkSizes, te: fc.constantFrom('chunked', 'Chunked', 'CHUNKED', ' chunked', '\tchunked'), length: fc.oneof(fc.constant('body' as const), fc.integer({ min: 0, max: 1000 })), order: fc.boolean() })
  .map((g): GeneratedHostile => {
    const framed = chunked(g.body, g.sizes);
    // a wrong length stays within the chunked framing: placeholders after it expand to lengths known only at run time
    const length = g.length === 'body' ? g.body.length : g.length % (framed.length + 1);
    const fields = g.order ? [`Content-Length: ${length}`, `Transfer-Encoding:${g.te.startsWith(' ') || g.te.startsWith('\t') ? '' : ' '}${g.te}`] : [`Transfer-Encoding: ${g.te.trim()}`, `Content-Length: ${length}`];
    return {
      rule: 'http.request.framing.cl-and-te', mutation: `Content-Length ${length} with Transfer-Encoding ${JSON.stringify(g.te)}`,
      octets: head('POST', `/front/${g.path}`, fields) + framed + followUp,
      acceptable: [rejected('4xx'), notImplemented, { name: 'chunked body used', statuses: ['2xx'], arrivals: [{ path: `/front/${g.path}`, body: g.body }], closes: true }],
    };
  });

/** RFC 9112 section 6.3: a Content-Length that is not 1*DIGIT, or differing values, is invalid framing: 400 and close. */
const clInvalid = fc
  .record({ path: pathSegment, body: bodyText, form: fc.constantFrom('plus', 'minus', 'hex', 'inner-space', 'differing-list', 'differing-lines', 'letters') })
  .map((g): GeneratedHostile => {
    const n = g.body.length;
    const fields = {
      plus: [`Content-Length: +${n}`],
      minus: [`Content-Length: -${n}`],
      hex: [`Content-Length: 0x${n.toString(16)}`],
      'inner-space': [`Content-Length: ${n} ${n}`],
      'differing-list': [`Content-Length: ${n}, ${n + 1}`],
      'differing-lines': [`Content-Length: ${n}`, `Content-Length: ${n + 1}`],
      letters: [`Content-Length: ${n}abc`],
    }[g.form];
    return { rule: 'http.request.framing.cl-invalid', mutation: `Content-Length ${g.form}`, octets: head('POST', `/front/${g.path}`, fields) + g.body + followUp, acceptable: [rejected()] };
  });

/** RFC 9112 section 6.3: Transfer-Encoding whose final coding is not chunked: the length is unknown, 400 (or 501) and close. */
const teNotFinal = fc
  .record({ path: pathSegment, body: bodyText, te: fc.constantFrom('chunked, identity', 'xchunked', 'chunked, gzip', 'identity') })
  .map((g): GeneratedHostile => ({
    rule: 'http.request.framing.te-not-chunked-final', mutation: `Transfer-Encoding ${JSON.stringify(g.te)}`,
    octets: head('POST', `/front/${g.path}`, [`Content-Length: ${g.body.length}`, `Transfer-Encoding: ${g.te}`]) + g.body + followUp,
    acceptable: [rejected(), notImplemented],
  }));

/** RFC 9112 section 5.1: whitespace between a field name and its colon: 400, and never the trimmed name. */
const spaceBeforeColon = fc
  .record({ path: pathSegment, body: bodyText, name: fc.constantFrom('Transfer-Encoding', 'Content-Length', 'X-Gwi-Spaced'), space: fc.constantFrom(' ', '\t') })
  .map((g): GeneratedHostile => {
    const value = g.name === 'Content-Length' ? String(g.body.length) : g.name === 'Transfer-Encoding' ? 'chunked' : 'v';
    const spaced = `${g.name}${g.space}: ${value}`;
    // a spaced Content-Length stands alone: a server that drops the line has no length and reads the body as a request
    const fields = g.name === 'Content-Length' ? [spaced] : [`Content-Length: ${g.body.length}`, spaced];
    return {
      rule: 'http.request.fields.space-before-colon', mutation: JSON.stringify(g.name + g.space + ':'),
      octets: head('POST', `/front/${g.path}`, fields) + g.body + followUp,
      acceptable: [{ name: 'rejected', statuses: ['400'], arrivals: [] }],
    };
  });

/** RFC 9110 section 5.5: CR or NUL inside a field value: reject, or replace each with SP. */
const controlInValue = fc
  .record({ path: pathSegment, before: pathSegment, after: pathSegment, control: fc.constantFrom('\r', '\x00') })
  .map((g): GeneratedHostile => ({
    rule: 'http.request.fields.value-cr-lf-nul', mutation: `${g.control === '\r' ? 'CR' : 'NUL'} inside a field value`,
    octets: head('GET', `/front/${g.path}`, [`X-Gwi-Value: ${g.before}${g.control}${g.after}`]),
    acceptable: [
      { name: 'rejected', statuses: ['4xx'], arrivals: [] },
      { name: 'replaced with space', statuses: ['2xx'], arrivals: [{ path: `/front/${g.path}`, headers: { HTTP_X_GWI_VALUE: `${g.before} ${g.after}` } }] },
    ],
  }));

/** RFC 9112 section 5.2: obs-fold: reject, or replace the fold with SP before using the value. */
const obsFold = fc
  .record({ path: pathSegment, first: pathSegment, second: pathSegment, fold: fc.constantFrom(' ', '\t', '  ') })
  .map((g): GeneratedHostile => {
    const unfolded = (sp: string) => ({ path: `/front/${g.path}`, headers: { HTTP_X_GWI_FOLDED: `${g.first}${sp}${g.second}` } });
    return {
      rule: 'http.request.fields.obs-fold', mutation: `a field value folded with ${JSON.stringify(g.fold)}`,
      octets: head('GET', `/front/${g.path}`, [`X-Gwi-Folded: ${g.first}\r\n${g.fold}${g.second}`]),
      acceptable: [
        { name: 'rejected', statuses: ['400'], arrivals: [] },
        { name: 'unfolded', statuses: ['2xx'], arrivals: [unfolded(' ')] },
        { name: 'unfolded keeping the space', statuses: ['2xx'], arrivals: [unfolded(' ' + g.fold)] },
        { name: 'unfolded as spaces', statuses: ['2xx'], arrivals: [unfolded(' '.repeat(g.fold.length + 1))] },
        { name: 'unfolded keeping the whitespace', statuses: ['2xx'], arrivals: [unfolded(g.fold)] },
        // CR and LF each become a space and the fold's whitespace stays (lighttpd): still one or more SP per fold
        { name: 'unfolded with the line break as spaces', statuses: ['2xx'], arrivals: [unfolded('  ' + g.fold)] },
      ],
    };
  });

/** RFC 9112 section 7.1: a chunk-size that is not 1*HEXDIG leaves the body unparseable: 400 and close. */
const badChunkSize = fc
  .record({ path: pathSegment, body: bodyText, form: fc.constantFrom('0x', '+', '-', 'g-suffix', 'space-inside') })
  .map((g): GeneratedHostile => {
    const hex = g.body.length.toString(16);
    const size = { '0x': `0x${hex}`, '+': `+${hex}`, '-': `-${hex}`, 'g-suffix': `${hex}g`, 'space-inside': `${hex} ${hex}` }[g.form];
    return {
      rule: 'http.request.chunked.size-syntax', mutation: `chunk-size ${JSON.stringify(size)}`,
      octets: head('POST', `/front/${g.path}`, ['Transfer-Encoding: chunked']) + `${size}\r\n${g.body}\r\n0\r\n\r\n` + followUp,
      acceptable: [rejected()],
    };
  });

/** RFC 9112 section 9.3.2: requests sent back to back are each answered, in order (or the first, then close). */
const pipelined = fc.record({ path: pathSegment, body: bodyText, count: fc.integer({ min: 2, max: 3 }) }).map((g): GeneratedHostile => {
  const paths = Array.from({ length: g.count }, (_, i) => `/p${i}/${g.path}`);
  const first = head('POST', paths[0], [`Content-Length: ${g.body.length}`]) + g.body;
  return {
    rule: 'http.request.connection.pipelining', mutation: `${g.count} requests in one write`,
    octets: first + paths.slice(1).map((p) => head('GET', p, [])).join(''),
    acceptable: [
      { name: 'all answered in order', statuses: paths.map(() => '2xx'), arrivals: paths.map((path, i) => ({ path, ...(i === 0 ? { body: g.body } : {}) })) },
      { name: 'first answered then closed', statuses: ['2xx'], arrivals: [{ path: paths[0], body: g.body }], closes: true },
    ],
  };
});

/** Mutations of valid requests, each aimed at one framing or syntax rule, with the outcomes that rule accepts. */
export function hostileRequest(constraints: HostileRequestConstraints = {}): fc.Arbitrary<GeneratedHostile> {
  const kinds = [clAndTe, clInvalid, teNotFinal, spaceBeforeColon, controlInValue, obsFold, pipelined];
  return fc.oneof(...(constraints.chunked ? [...kinds, badChunkSize] : kinds));
}

/** Rules hostileRequest() can target. */
export const mutationRules = [
  'http.request.framing.cl-and-te', 'http.request.framing.cl-invalid', 'http.request.framing.te-not-chunked-final',
  'http.request.fields.space-before-colon', 'http.request.fields.value-cr-lf-nul', 'http.request.fields.obs-fold',
  'http.request.connection.pipelining', 'http.request.chunked.size-syntax',
];
