import type { Replay } from '../generated/report.ts';

/** The command line a finding's replay stands for: the one place that turns replay data into text. */
export function replayLine(replay: Replay): string {
  const words = ['npx', 'gwi-test', replay.adapter];
  if (replay.timeoutMs !== undefined) words.push('--timeout', String(replay.timeoutMs));
  if (replay.property !== undefined) words.push('--property', replay.property, '--seed', String(replay.seed), '--path', replay.path ?? '');
  if (replay.case !== undefined) words.push('--case', replay.case);
  words.push('--rule', replay.rule);
  return words.join(' ');
}
