import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../harness/hostile/corpus.ts';
import { judgeHostile, mismatch, type HostileObservation } from '../../harness/hostile/judge.ts';
import { expandOctets, sentPaths } from '../../harness/hostile/play.ts';
import type { HostileOutcome } from '../../harness/generated/hostileCorpus.ts';

const seen = (over: Partial<HostileObservation> = {}): HostileObservation => ({ statuses: [200], versions: ['HTTP/1.1'], closed: true, arrivals: [{ id: '1', method: 'POST', path: '/front', query: '', headers: { HTTP_X_A: 'a b' }, body: 'abc' }], abortedReads: [], leftover: '', ...over });
const used: HostileOutcome = { name: 'used', statuses: ['2xx'], arrivals: [{ path: '/front', body: 'abc' }], closes: true };
const rejected: HostileOutcome = { name: 'rejected', statuses: ['400'], arrivals: [], closes: true };

describe('judging a hostile case', () => {
  it('matches status classes, exact codes, arrivals field by field, and closing', () => {
    expect(mismatch(used, seen())).toBeUndefined();
    expect(mismatch(rejected, seen({ statuses: [400], arrivals: [] }))).toBeUndefined();
    expect(mismatch(rejected, seen({ statuses: [404], arrivals: [] }))).toMatch(/responses \[404\]/);
    expect(mismatch(used, seen({ closed: false }))).toMatch(/stayed open/);
    expect(mismatch(used, seen({ arrivals: [{ id: '1', method: 'POST', path: '/front', query: '', headers: {}, body: 'ab' }] }))).toMatch(/body/);
    expect(mismatch({ ...used, arrivals: [{ headers: { HTTP_X_A: 'a b', HTTP_X_B: null } }] }, seen())).toBeUndefined();
    expect(mismatch({ ...used, arrivals: [{ headers: { HTTP_X_A: null } }] }, seen())).toMatch(/HTTP_X_A/);
  });

  it('counts a smuggled second arrival against every outcome that does not list it', () => {
    const smuggled = seen({ statuses: [200, 200], closed: false, arrivals: [...seen().arrivals, { id: '2', method: 'GET', path: '/smuggled', query: '', headers: {}, body: '' }] });
    const outcome = judgeHostile({ rule: 'http.request.framing.cl-and-te', acceptable: [rejected, used] }, smuggled, '/hostile/x');
    expect(outcome).toMatchObject({ ruleId: 'http.request.framing.cl-and-te', ok: false });
    expect(outcome.message).toContain('rejected:');
    expect(outcome.message).toContain('used:');
  });

  it('records the matching outcome as the profile for profile cases', () => {
    expect(judgeHostile({ rule: 'http.request.framing.cl-list-identical', acceptable: [rejected, used], profile: true }, seen(), '/p')).toMatchObject({ ok: true, profile: 'used' });
  });
});

describe('a body refused while the application read it', () => {
  const aborted = { id: '9', method: 'POST', path: '/front', query: '', headers: {}, readError: 'InvalidChunkSize' };
  it('counts as a refusal when nothing reached the application and the connection closed', () => {
    expect(judgeHostile({ rule: 'http.request.chunked.size-syntax', acceptable: [rejected] }, seen({ statuses: [500], arrivals: [], abortedReads: [aborted] }), '/p').ok).toBe(true);
    expect(judgeHostile({ rule: 'http.request.chunked.size-syntax', acceptable: [rejected] }, seen({ statuses: [], arrivals: [], abortedReads: [aborted] }), '/p').ok).toBe(true);
  });

  it('does not excuse a connection left open or a request that got through', () => {
    expect(judgeHostile({ rule: 'http.request.chunked.size-syntax', acceptable: [rejected] }, seen({ statuses: [500], closed: false, arrivals: [], abortedReads: [aborted] }), '/p').ok).toBe(false);
    expect(judgeHostile({ rule: 'http.request.chunked.last-chunk', acceptable: [rejected] }, seen({ statuses: [500, 200], abortedReads: [aborted] }), '/p').ok).toBe(false);
  });
});

describe('which request arrived', () => {
  const mounted = { id: '1', method: 'POST', path: '/mount/front', query: '', headers: {}, body: 'abc' };
  it('is told by the label of the request as sent, not by the path the server made of it', () => {
    expect(mismatch(used, seen({ arrivals: [{ ...mounted, sentPath: '/front' }] }))).toBeUndefined();
    expect(mismatch(used, seen({ arrivals: [{ ...mounted, path: '/front', sentPath: '/smuggled' }] }))).toMatch(/the request for "\/smuggled", not "\/front"/);
    // without a label (a server that dropped the field), the path the application saw is all there is
    expect(mismatch(used, seen({ arrivals: [mounted] }))).toMatch(/the request for "\/mount\/front"/);
  });

  it('a rule about the path itself says so with seenPath', () => {
    const pathOnly: HostileOutcome = { name: 'path only', statuses: ['2xx'], arrivals: [{ path: '/front', seenPath: '/front' }] };
    expect(mismatch(pathOnly, seen({ arrivals: [{ ...mounted, path: '/front', sentPath: '/front' }] }))).toBeUndefined();
    expect(mismatch(pathOnly, seen({ arrivals: [{ ...mounted, path: 'http://h/front', sentPath: '/front' }] }))).toMatch(/path "http:\/\/h\/front", not "\/front"/);
  });

  it('labels every request of the octets, and reads each label back as the path sent', () => {
    const octets = 'POST /front HTTP/1.1\r\nX-Gwi-Arrivals: {arrivals}\r\n\r\nGET http://h:1/smuggled?q HTTP/1.1\nX-Gwi-Arrivals: {arrivals}\n\n';
    expect(expandOctets(octets, { host: 'h', arrivals: '/d' })).toBe('POST /front HTTP/1.1\r\nX-Gwi-Arrivals: /d\r\nX-Gwi-Request: 1\r\n\r\nGET http://h:1/smuggled?q HTTP/1.1\nX-Gwi-Arrivals: /d\nX-Gwi-Request: 2\n\n');
    expect(sentPaths(octets)).toEqual(['/front', '/smuggled']);
  });
});

describe('corpus outcomes the RFC leaves room for', () => {
  const corpusCase = (id: string) => loadCorpus().find((c) => c.id === id)!;
  it('obs-fold: a fold whose CR and LF both became spaces is still unfolded into spaces (lighttpd)', () => {
    const folded = seen({ arrivals: [{ id: '1', method: 'GET', path: '/front', query: '', headers: { HTTP_X_FOO: 'a   b' }, body: '' }] });
    expect(judgeHostile(corpusCase('fields.obs-fold'), folded, '/p').ok).toBe(true);
    expect(judgeHostile(corpusCase('fields.obs-fold'), seen({ arrivals: [{ ...folded.arrivals[0], headers: { HTTP_X_FOO: 'a' } }] }), '/p').ok).toBe(false);
  });

  it('a request naming HTTP/1.2 may be refused in an HTTP/1.0 response, a version the server conforms to, but not echoed', () => {
    const refused = seen({ statuses: [505], versions: ['HTTP/1.0'], arrivals: [] });
    expect(judgeHostile(corpusCase('line.version-1-2-response'), refused, '/p').ok).toBe(true);
    expect(judgeHostile(corpusCase('line.version-1-2-response'), { ...refused, versions: ['HTTP/1.2'] }, '/p').ok).toBe(false);
  });
});
