import { describe, expect, it } from 'vitest';
import { decodePath, expectedHttpVariables, splitTarget } from '../../harness/wsgi/oracle.ts';

describe('the oracle', () => {
  it('splits the target at the first ? only', () => {
    expect(splitTarget('/a?b?c')).toEqual({ path: '/a', query: 'b?c' });
    expect(splitTarget('/a?')).toEqual({ path: '/a', query: '' });
    expect(splitTarget('/a')).toEqual({ path: '/a' });
  });

  it('decodes every escape to one code point per octet (ISO-8859-1), never as UTF-8', () => {
    expect(decodePath('/caf%C3%A9')).toBe('/caf\u00c3\u00a9');
    expect(decodePath('/%ff%00%25')).toBe('/\u00ff\u0000%');
    expect(decodePath('/%2541')).toBe('/%41');
  });

  it('decodes %2F to / unless asked to keep it, in either case of hex digit', () => {
    expect(decodePath('/a%2Fb%2fc')).toBe('/a/b/c');
    expect(decodePath('/a%2Fb%2fc', true)).toBe('/a%2Fb%2fc');
  });

  it('maps field lines to HTTP_ variables: repeats in order, content fields left to CONTENT_*', () => {
    const variables = expectedHttpVariables({
      method: 'GET', target: '/', version: 'HTTP/1.1', body: '',
      headers: [['Host', 'h'], ['X-a', '1'], ['x-A', '2'], ['X_b', '3'], ['Content-Type', 't'], ['Connection', 'close']],
    });
    expect([...variables.keys()]).toEqual(['HTTP_HOST', 'HTTP_X_A', 'HTTP_X_B', 'HTTP_CONNECTION']);
    expect(variables.get('HTTP_X_A')?.values).toEqual(['1', '2']);
    expect(variables.get('HTTP_X_B')?.underscore).toBe(true);
    expect(variables.get('HTTP_CONNECTION')?.hopByHop).toBe(true);
  });
});
