import { describe, expect, it } from 'vitest';
import type { PerlValue, PsgiDriverEvent } from '../../harness/generated/psgiDriverProtocol.ts';
import { psgiApplicationCall } from '../../harness/psgi/app/checks.ts';
import { fixedPsgiCall } from '../../harness/psgi/app/suite.ts';

// The edges of the PSGI application checks, on events written by hand (the mutant app shows each rule can fail).
const text = (value: string): PerlValue => ({ type: 'scalar', text: value, wide: /[^\x00-\xff]/.test(value) });
function returned(status: PerlValue, headers: string[], body: PsgiDriverEvent[] = []): PsgiDriverEvent[] {
  return [
    { e: 'response', via: 'return', type: 'ARRAY', length: 3, status, headers: { type: 'ARRAY', length: headers.length, items: headers.map(text) }, body: { type: 'ARRAY', getline: false, close: false } },
    ...body,
  ];
}
const failed = (events: PsgiDriverEvent[]) => psgiApplicationCall({ call: fixedPsgiCall('GET', '/'), events }).filter((o) => !o.ok).map((o) => o.ruleId);
const plain = ['Content-Type', 'text/plain'];

describe('the PSGI application checks', () => {
  it('take a status of digits from 100 up, as a number or a string', () => {
    expect(failed(returned(text('100'), []))).toEqual([]);
    expect(failed(returned(text('200'), plain))).toEqual([]);
    expect(failed(returned(text('99'), plain))).toEqual(['psgi.app.status.integer']);
    expect(failed(returned(text('200 OK'), plain))).toEqual(['psgi.app.status.integer']);
    expect(failed(returned({ type: 'undef' }, plain))).toEqual(['psgi.app.status.integer']);
  });

  it('hold header keys to letters, digits, "_" and "-", a letter first and last not "-" or "_", and no Status in any case', () => {
    for (const key of ['X-Powered-By', 'X_Under_Score', 'ETag2', 'A']) expect(failed(returned(text('200'), [...plain, key, 'v'])), key).toEqual([]);
    for (const key of ['X-Trailing-', 'X_', '1Abc', 'X:Colon', 'X Space', 'status', 'Status', '']) expect(failed(returned(text('200'), [...plain, key, 'v'])), key).toEqual(['psgi.app.headers.names']);
  });

  it('read "below chr(31)" as the spec words it: chr(30) is flagged, chr(31) and DEL are not', () => {
    expect(failed(returned(text('200'), [...plain, 'X-A', 'a\x1fb']))).toEqual([]);
    expect(failed(returned(text('200'), [...plain, 'X-A', 'a\x7fb']))).toEqual([]);
    expect(failed(returned(text('200'), [...plain, 'X-A', 'a\x1eb']))).toEqual(['psgi.app.headers.values']);
    expect(failed(returned(text('200'), [...plain, 'X-A', 'a\nb']))).toEqual(['psgi.app.headers.values']);
  });

  it('want a Content-Type (any case) except for 1xx, 204 and 304, which must carry neither it nor Content-Length', () => {
    expect(failed(returned(text('200'), ['content-type', 'text/plain']))).toEqual([]);
    expect(failed(returned(text('404'), []))).toEqual(['psgi.app.headers.content-type']);
    expect(failed(returned(text('304'), ['ETag', '"x"']))).toEqual([]);
    expect(failed(returned(text('204'), plain))).toEqual(['psgi.app.headers.content-type']);
    expect(failed(returned(text('101'), ['Content-Length', '0']))).toEqual(['psgi.app.headers.content-length']);
  });

  it('flag an odd headers array and a hash of headers, and judge the pairs that are there', () => {
    expect(failed(returned(text('200'), [...plain, 'X-Odd']))).toEqual(['psgi.app.headers.array']);
    const hash: PsgiDriverEvent[] = [{ e: 'response', via: 'return', type: 'ARRAY', length: 3, status: text('200'), headers: { type: 'HASH' }, body: { type: 'ARRAY', getline: false, close: false } }];
    expect(failed(hash)).toEqual(['psgi.app.headers.array']);
  });

  it('flag body pieces that are references, undef or wide, wherever they come from', () => {
    const chunk = (via: 'array' | 'getline' | 'write', type: string, wide = false): PsgiDriverEvent => ({ e: 'chunk', via, type, length: 1, wide });
    expect(failed(returned(text('200'), plain, [chunk('array', 'scalar'), chunk('getline', 'scalar')]))).toEqual([]);
    expect(failed(returned(text('200'), plain, [chunk('write', 'scalar', true)]))).toEqual(['psgi.app.body.bytes']);
    expect(failed(returned(text('200'), plain, [chunk('array', 'undef')]))).toEqual(['psgi.app.body.bytes']);
    expect(failed(returned(text('200'), plain, [chunk('array', 'HASH')]))).toEqual(['psgi.app.body.bytes']);
  });

  it('take an array, a glob or an object with getline and close as a body, and a code reference as a response', () => {
    const withBody = (body: { type: string; getline: boolean; close: boolean }): PsgiDriverEvent[] => [{ e: 'response', via: 'return', type: 'ARRAY', length: 3, status: text('200'), headers: { type: 'ARRAY', length: 2, items: plain.map(text) }, body }];
    expect(failed(withBody({ type: 'GLOB', getline: false, close: false }))).toEqual([]);
    expect(failed(withBody({ type: 'IO::File', getline: true, close: true }))).toEqual([]);
    expect(failed(withBody({ type: 'My::Body', getline: true, close: false }))).toEqual(['psgi.app.body.type']);
    expect(failed(withBody({ type: 'scalar', getline: false, close: false }))).toEqual(['psgi.app.body.type']);
    expect(failed([{ e: 'response', via: 'return', type: 'CODE' }])).toEqual([]);
    expect(failed([{ e: 'response', via: 'return', type: 'HASH' }])).toEqual(['psgi.app.response.shape']);
  });

  it('record a die as a profile, never a failure', () => {
    const outcomes = psgiApplicationCall({ call: fixedPsgiCall('GET', '/'), events: [{ e: 'died', where: 'call', message: 'boom' }] });
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes.find((o) => o.ruleId === 'psgi.app.response.dies')?.profile).toBe('dies');
  });
});
