import { escapeOctets } from '../http/request.ts';
import type { HostilePropertyDef, SuiteEntry } from '../run/entries.ts';
import { corpusSuite } from './corpus.ts';
import { judgeHostile } from './judge.ts';
import { hostileRequest, mutationRules, type GeneratedHostile } from './mutations.ts';
import { arrivalsUnseen } from './arrivalsReach.ts';
import { playHostile } from './play.ts';

const mutations: HostilePropertyDef<GeneratedHostile> = {
  kind: 'hostile',
  id: 'hostile.mutations',
  does: 'sends mutations of valid requests aimed at framing and field-syntax rules, each followed by a pipelined request',
  numRuns: 40,
  rules: mutationRules,
  arbitrary: (context) => hostileRequest({ chunked: context.capabilities.includes('chunked-request-body') }),
  // each input is played on its own connection and judged against its acceptable outcomes
  async run(hostile, context) {
    const unseen = await arrivalsUnseen(context);
    if (unseen) return [{ ruleId: hostile.rule, ok: true, pointer: `/hostile/${hostile.rule}`, inconclusive: unseen }];
    const seen = await playHostile(hostile.octets, (text) => text, context);
    return [judgeHostile({ ...hostile, profile: false }, seen, `/hostile/${hostile.rule}`)];
  },
  show: (hostile, context) => escapeOctets(hostile.octets.replaceAll('{host}', `127.0.0.1:${context.port}`)),
};

/** The robustness and security profile, the same for every interface: the hostile corpus and generated mutations of valid requests. */
export function securitySuite(): SuiteEntry[] {
  return [mutations as HostilePropertyDef, ...corpusSuite()];
}
