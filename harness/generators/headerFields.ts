import fc from 'fast-check';
import { cgiName, fieldName } from './fieldName.ts';
import { fieldValue, type FieldValueConstraints } from './fieldValue.ts';

export interface HeaderFieldsConstraints extends FieldValueConstraints {
  /** Most distinct names (default 4). */
  maxNames?: number;
  /** Most lines under one name (default 3). */
  maxRepeats?: number;
  /** Also generate names containing '_' (default true). */
  underscoreNames?: boolean;
}

/**
 * RFC 9110 section 5.2-5.3: field lines, a name possibly repeated, order of repeats significant.
 * Names are distinct once mapped to CGI variables, so the oracle knows which lines each HTTP_ variable stands for.
 * https://www.rfc-editor.org/rfc/rfc9110#section-5.3
 */
export function headerFields(constraints: HeaderFieldsConstraints = {}): fc.Arbitrary<Array<[string, string]>> {
  const values = fc.array(fieldValue(constraints), { minLength: 1, maxLength: constraints.maxRepeats ?? 3 });
  const dashed = fc.tuple(fieldName(), values);
  const underscored = fc.tuple(fieldName({ underscore: true }), fc.array(fieldValue(constraints), { minLength: 1, maxLength: 1 }));
  const entry = constraints.underscoreNames === false ? dashed : fc.oneof({ weight: 6, arbitrary: dashed }, { weight: 1, arbitrary: underscored });
  return fc
    .uniqueArray(entry, { maxLength: constraints.maxNames ?? 4, selector: ([name]) => cgiName(name) })
    .map((entries) => entries.flatMap(([name, vs]) => vs.map((v): [string, string] => [name, v])));
}
