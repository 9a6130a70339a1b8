import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { body } from '../../harness/generators/body.ts';
import { chunking } from '../../harness/generators/chunking.ts';
import { cgiName, fieldName } from '../../harness/generators/fieldName.ts';
import { fieldValue } from '../../harness/generators/fieldValue.ts';
import { headerFields } from '../../harness/generators/headerFields.ts';
import { method } from '../../harness/generators/method.ts';
import { percentEncoded } from '../../harness/generators/percentEncoded.ts';
import { requestTarget, targetText } from '../../harness/generators/requestTarget.ts';
import { inputPlan, planSteps } from '../../harness/wsgi/generators/inputPlan.ts';

const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

describe('generators keep to the ABNF they name', () => {
  it('method() yields tokens, never HEAD or CONNECT', () => {
    fc.assert(fc.property(method(), (m) => token.test(m) && !['HEAD', 'CONNECT'].includes(m)));
  });

  it('percentEncoded() yields one pct-encoded octet, never a dot', () => {
    fc.assert(fc.property(percentEncoded(), (e) => /^%[0-9a-fA-F]{2}$/.test(e) && parseInt(e.slice(1), 16) !== 0x2e));
  });

  it('requestTarget() yields origin-form without dot-segments', () => {
    const pchar = "[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2}";
    const originForm = new RegExp(`^(/(${pchar})*)+(\\?(${pchar}|[/?])*)?$`);
    fc.assert(
      fc.property(requestTarget(), (t) => {
        const text = targetText(t);
        return originForm.test(text) && !/\/\.\.?(\/|$)/.test(t.path) && text.startsWith(t.path);
      }),
    );
  });

  it('fieldName() yields X- tokens that never collide with the probe\'s own fields', () => {
    fc.assert(fc.property(fieldName(), (n) => token.test(n) && /^x-/i.test(n) && !/^x-gwi-/i.test(n)));
  });

  it('fieldValue() yields field-content: visible octets at both ends, single inner spaces', () => {
    fc.assert(
      fc.property(fieldValue(), (v) => /^[\x21-\x7e](?:[\x21-\x7e\x80-\xff ]*[\x21-\x7e])?$/.test(v) && !v.includes('  ')),
    );
  });

  it('fieldValue() sometimes carries obs-text, inside the value', () => {
    const values = fc.sample(fieldValue(), { numRuns: 500, seed: 7 });
    expect(values.some((v) => /[\x80-\xff]/.test(v))).toBe(true);
  });

  it('headerFields() never maps two distinct names to one CGI variable', () => {
    fc.assert(
      fc.property(headerFields(), (fields) => {
        const byCgi = new Map<string, string>();
        return fields.every(([name]) => {
          const previous = byCgi.get(cgiName(name));
          byCgi.set(cgiName(name), name);
          return previous === undefined || previous === name;
        });
      }),
    );
  });

  it('chunking() splits any length into non-empty chunks that add up', () => {
    fc.assert(
      fc.property(chunking(), fc.nat(300), (split, length) => {
        const sizes = split(length);
        return sizes.every((s) => s > 0) && sizes.reduce((a, b) => a + b, 0) === length;
      }),
    );
  });

  it('body() yields octets only (U+0000-U+00FF)', () => {
    fc.assert(fc.property(body(), (b) => /^[\x00-\xff]*$/.test(b)));
  });

  it('planSteps() reads a body with one readline per newline and never past its end', () => {
    fc.assert(
      fc.property(inputPlan(), body(), (choice, data) => {
        const steps = planSteps(choice, data, true);
        if (choice.mode === 'drain') return steps.length === 1 && steps[0] === `drain:${choice.size}`;
        return steps.filter((s) => s === 'readline').length === data.split('\n').length - 1;
      }),
    );
    expect(planSteps({ mode: 'lines', size: 4 }, 'a\nb', true)).toEqual(['readline', 'drain:4']);
    expect(planSteps({ mode: 'lines', size: 4 }, 'a\n', true)).toEqual(['readline']);
    expect(planSteps({ mode: 'drain', size: 4 }, '', false)).toEqual([]);
  });
});
