import fc from 'fast-check';

export interface FieldValueConstraints {
  /** Allow obs-text octets 0x80-0xFF (default true). */
  obsText?: boolean;
  maxLength?: number;
}

const vchar = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i));
const obsText = Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x80 + i));

/**
 * RFC 9110 section 5.5: field-value = *field-content, field-content = field-vchar [ 1*( SP / HTAB / field-vchar ) field-vchar ].
 * Non-empty, no leading or trailing whitespace, inner single spaces, obs-text octets sometimes but never first or
 * last: servers that trim with a Unicode-aware strip() drop 0x85 and 0xA0 at the edges, a question of trimming,
 * not of decoding, which the generated values keep out of the way.
 * https://www.rfc-editor.org/rfc/rfc9110#section-5.5
 */
export function fieldValue(constraints: FieldValueConstraints = {}): fc.Arbitrary<string> {
  const visible = constraints.obsText === false
    ? fc.constantFrom(...vchar)
    : fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...vchar) }, { weight: 1, arbitrary: fc.constantFrom(...obsText) });
  const word = fc.string({ unit: visible, minLength: 1, maxLength: 8 });
  const edgeIsVchar = (value: string) => value.charCodeAt(0) < 0x7f && value.charCodeAt(value.length - 1) < 0x7f;
  return fc.array(word, { minLength: 1, maxLength: constraints.maxLength ?? 3 }).filter((words) => edgeIsVchar(words.join(' '))).map(
    (words) => words.join(' '),
    (value) => {
      if (typeof value !== 'string') throw new Error('not a field value');
      return value.split(' ');
    },
  );
}
