import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../harness/hostile/corpus.ts';
import { hostileRequest, mutationRules } from '../../harness/hostile/mutations.ts';
import { unescapeOctets } from '../../harness/http/request.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';

const corpus = loadCorpus();
const requestRules = [...loadCatalogue().values()].filter((r) => r.id.startsWith('http.request.') || r.id === 'cgi.header-mapping.collision');
/** Request lines in some octets: every request, smuggled ones too, must carry the arrivals tag. */
const requestLines = (octets: string) => octets.match(/(^|\n|[a-z])(GET|POST|PUT|G@T) \S+ HTTP\/\d\.\d\r?\n/g) ?? [];

describe('the hostile corpus (fixtures/http/hostile-corpus.json)', () => {
  it('is valid, with unique ids, and targets every request-parsing rule', () => {
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    const targeted = new Set(corpus.map((c) => c.rule));
    expect(requestRules.map((r) => r.id).filter((id) => !targeted.has(id))).toEqual([]);
  });

  it.each(corpus.map((c) => [c.id, c] as const))('%s tags every request it sends, so any of them reaching the application is seen', (_id, hostile) => {
    const octets = unescapeOctets(hostile.octets);
    expect(octets).toContain('X-Gwi-Arrivals: {arrivals}\r\n');
    expect(octets.split('X-Gwi-Arrivals: {arrivals}').length - 1).toBeGreaterThanOrEqual(Math.min(1, requestLines(octets).length));
  });

  it('marks as profiles exactly the cases of profile rules', () => {
    for (const hostile of corpus) expect(Boolean(hostile.profile), hostile.id).toBe(loadCatalogue().get(hostile.rule)?.kind === 'profile');
  });
});

describe('generated hostile requests', () => {
  it('aim only at known rules, carry the tags, and always list an acceptable outcome', () => {
    const catalogue = loadCatalogue();
    for (const id of mutationRules) expect(catalogue.has(id), id).toBe(true);
    fc.assert(fc.property(hostileRequest({ chunked: true }), (hostile) => {
      expect(mutationRules).toContain(hostile.rule);
      expect(hostile.octets.startsWith('GET ') || hostile.octets.startsWith('POST ')).toBe(true);
      expect(hostile.octets).toContain('X-Gwi-Arrivals: {arrivals}\r\n');
      expect(hostile.acceptable.length).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });

  it('never puts a placeholder inside a counted body', () => {
    fc.assert(fc.property(hostileRequest({ chunked: true }), (hostile) => {
      const headEnd = hostile.octets.indexOf('\r\n\r\n');
      const length = /Content-Length: (\d+)\r\n/.exec(hostile.octets.slice(0, headEnd))?.[1];
      if (length !== undefined) expect(hostile.octets.slice(headEnd + 4, headEnd + 4 + Number(length))).not.toContain('{');
    }), { numRuns: 300 });
  });
});
