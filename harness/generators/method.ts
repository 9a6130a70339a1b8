import fc from 'fast-check';

export interface MethodConstraints {
  /** Also generate extension methods: tokens of 3-10 upper-case letters (default true). */
  extensions?: boolean;
  /**
   * Also generate extension tokens in mixed and lower case (default false). Methods are case-sensitive (RFC 9110
   * section 9.1), so `Get` is a method of its own; ASGI asks for the method upper-cased, so only WSGI asks for these.
   */
  mixedCase?: boolean;
}

/** The standard methods whose requests carry a response body; HEAD and CONNECT are left to their own cases. */
export const standardMethods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/**
 * RFC 9110 section 9.1: method = token.
 * https://www.rfc-editor.org/rfc/rfc9110#section-9.1
 * Extension tokens stay upper-case letters, which every server is expected to pass through.
 */
export function method(constraints: MethodConstraints = {}): fc.Arbitrary<string> {
  const standard = fc.constantFrom(...standardMethods);
  if (constraints.extensions === false) return standard;
  const extension = fc.stringMatching(/^[A-Z]{3,10}$/).filter((m) => !['HEAD', 'CONNECT', 'TRACE', 'PRI'].includes(m));
  if (!constraints.mixedCase) return fc.oneof({ weight: 4, arbitrary: standard }, { weight: 1, arbitrary: extension });
  const reserved = ['HEAD', 'CONNECT', 'TRACE', 'PRI', ...standardMethods] as string[];
  const mixed = fc.stringMatching(/^[A-Za-z]{3,10}$/).filter((m) => m !== m.toUpperCase() && !reserved.includes(m.toUpperCase()));
  return fc.oneof({ weight: 4, arbitrary: standard }, { weight: 1, arbitrary: extension }, { weight: 1, arbitrary: mixed });
}
