import fc from 'fast-check';

export interface FieldNameConstraints {
  /** Put '_' instead of '-' between the parts (default false). */
  underscore?: boolean;
}

const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * RFC 9110 section 5.1: field-name = token. Generated names start with "X-" (or "X_") and mix case,
 * so they never collide with fields that have a meaning for the server.
 * https://www.rfc-editor.org/rfc/rfc9110#section-5.1
 */
export function fieldName(constraints: FieldNameConstraints = {}): fc.Arbitrary<string> {
  const part = fc.string({ unit: fc.constantFrom(...alnum.split('')), minLength: 1, maxLength: 6 });
  const sep = constraints.underscore ? '_' : '-';
  return fc
    .tuple(fc.constantFrom('X', 'x'), fc.array(part, { minLength: 1, maxLength: 3 }))
    .map(([x, parts]) => [x, ...parts].join(sep))
    .filter((name) => !/^x-gwi-/i.test(name));
}

/** The CGI meta-variable a field name maps to (RFC 3875 section 4.1.18). */
export function cgiName(fieldName: string): string {
  return 'HTTP_' + fieldName.toUpperCase().replace(/-/g, '_');
}
