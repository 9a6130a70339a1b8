import fc from 'fast-check';
import type { BodyFields } from '../../generators/httpRequest.ts';

/** The field that tells the WSGI probe which wsgi.input calls to make. */
export const planHeader = 'X-Gwi-Plan';

export interface InputPlanChoice {
  /** drain: read(size) repeatedly; lines: readline() once per newline, then read(size) for the rest. */
  mode: 'drain' | 'lines';
  size: number;
}

/** How the probe reads a generated body; never past its end, so it is safe on every server. */
export function inputPlan(): fc.Arbitrary<InputPlanChoice> {
  return fc.record({ mode: fc.constantFrom('drain' as const, 'lines' as const), size: fc.integer({ min: 1, max: 64 }) });
}

/** The plan steps (see fixtures/wsgi/probe/gwi_probe.py) for a body. */
export function planSteps(choice: InputPlanChoice, body: string, hasBody: boolean): string[] {
  if (!hasBody) return [];
  if (choice.mode === 'drain') return [`drain:${choice.size}`];
  const lines = body.split('\n').length - 1;
  const rest = body.length - (body.lastIndexOf('\n') + 1);
  return [...Array<string>(lines).fill('readline'), ...(rest > 0 || lines === 0 ? [`drain:${choice.size}`] : [])];
}

/** X-Gwi-Plan for a generated request: how the probe reads its body. */
export function inputPlanField(): fc.Arbitrary<BodyFields> {
  return inputPlan().map((choice) => (body, framing) => {
    // chunked bodies are read with read(n) only: readline() on them is checked with Content-Length bodies, and a
    // server whose chunked readline() never returns would otherwise pile up spinning application threads
    const plan = framing === 'chunked' ? { ...choice, mode: 'drain' as const } : choice;
    return [[planHeader, planSteps(plan, body, framing !== 'none').join(',') || 'none']];
  });
}
