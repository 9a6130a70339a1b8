import { escapeOctets } from '../http/request.ts';
import type { EntryContext, Shard } from '../run/runEntry.ts';
import { searchProperty } from '../run/runEntry.ts';
import type { HostilePropertyDef, SuiteEntry } from '../wsgi/entries.ts';
import { corpusSuite } from './corpus.ts';
import { judgeHostile } from './judge.ts';
import { hostileRequest, mutationRules } from './mutations.ts';
import { playHostile } from './play.ts';

const mutations: HostilePropertyDef = {
  kind: 'hostile',
  id: 'hostile.mutations',
  does: 'sends mutations of valid requests aimed at framing and field-syntax rules, each followed by a pipelined request',
  numRuns: 40,
  rules: mutationRules,
  arbitrary: (context) => hostileRequest({ chunked: context.capabilities.includes('chunked-request-body') }),
};

/** The robustness and security profile: the hostile corpus and generated mutations of valid requests. */
export function securitySuite(): SuiteEntry[] {
  return [mutations, ...corpusSuite()];
}

/** Run the generated mutations: each input is played on its own connection and judged against its acceptable outcomes. */
export async function runHostileProperty(entry: HostilePropertyDef, context: EntryContext, shard: Shard): Promise<void> {
  const play = { suite: context.suite, execution: context.execution };
  await searchProperty(entry.id, entry.arbitrary(context.suite), {
    async evaluate(hostile) {
      const seen = await playHostile(hostile.octets, (text) => text, play);
      return [judgeHostile({ ...hostile, profile: false }, seen, `/hostile/${hostile.rule}`)].filter((o) => entry.rules.includes(o.ruleId) && context.selected(o.ruleId));
    },
    show: (hostile) => escapeOctets(hostile.octets.replaceAll('{host}', `127.0.0.1:${context.suite.port}`)),
  }, context, shard, { rounds: 3, roundMs: 20_000 });
}
