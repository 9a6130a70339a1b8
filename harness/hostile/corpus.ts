import { readFileSync } from 'node:fs';
import { GwiError } from '../core/errors.ts';
import type { HostileCase } from '../generated/hostileCorpus.ts';
import { unescapeOctets, type HttpRequest } from '../http/request.ts';
import { fixturesDir } from '../spec/paths.ts';
import { describeErrors, validators } from '../spec/schemas.ts';
import { rule } from '../spec/catalogue.ts';
import type { ScenarioDef } from '../run/entries.ts';
import { judgeHostile } from './judge.ts';
import { arrivalsUnseen } from './arrivalsReach.ts';
import { playHostile } from './play.ts';

export const corpusFile = fixturesDir + 'http/hostile-corpus.json';

/** The corpus of known hostile shapes, validated against spec/http/hostile-corpus.schema.json. */
export function loadCorpus(file = corpusFile): HostileCase[] {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!validators.hostileCorpus(data)) throw new GwiError('GWI_SPEC_INVALID', `${file}: ${describeErrors(validators.hostileCorpus.errors).join('; ')}`);
  for (const hostile of data.cases) rule(hostile.rule); // every case targets a rule that exists
  return data.cases;
}

/** The octets as the request shown in findings: exact bytes, with {arrivals} left as a placeholder. */
function shown(hostile: HostileCase, port: number): HttpRequest {
  const raw = unescapeOctets(hostile.octets).replaceAll('{host}', `127.0.0.1:${port}`);
  return { method: raw.split(' ')[0] ?? '', target: raw.split(' ')[1] ?? '', version: 'HTTP/1.1', headers: [], body: '', raw };
}

/** One scenario per corpus case: send its octets, judge the responses and the arrivals against its outcomes. */
export function corpusSuite(cases: HostileCase[] = loadCorpus()): ScenarioDef[] {
  return cases.map((hostile): ScenarioDef => ({
    kind: 'scenario',
    id: `hostile.${hostile.id}`,
    does: hostile.does,
    rules: [hostile.rule],
    request: (context) => shown(hostile, context.port),
    async play(_request, context) {
      const needed = rule(hostile.rule).capability;
      if (needed && !context.suite.capabilities.includes(needed)) return [];
      const unseen = await arrivalsUnseen(context);
      if (unseen) return [{ ruleId: hostile.rule, ok: true, pointer: `/hostile/${hostile.id}`, inconclusive: unseen }];
      const seen = await playHostile(hostile.octets, unescapeOctets, context);
      return [judgeHostile(hostile, seen, `/hostile/${hostile.id}`)];
    },
  }));
}
