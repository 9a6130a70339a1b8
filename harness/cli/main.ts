import { GwiError, asGwiError } from '../core/errors.ts';
import { stopAll } from '../process/supervisor.ts';
import { errorBlock } from '../report/console.ts';
import { toolVersion } from '../spec/paths.ts';
import { color, interruption } from './interruption.ts';
import { helpText, parseCli, type CliOptions } from './options.ts';

/** The command line: parse, run, print, exit 0/1/2; never a stack trace, never a leftover process. */
export async function main(argv: string[]): Promise<void> {
  let command: CliOptions['command'] | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruption.signal.aborted) return;
    interruption.abort(signal);
    process.stderr.write('\n' + errorBlock(new GwiError('GWI_INTERRUPTED', `stopped by ${signal}`, command === 'run' ? 'every server the run started is being stopped; the report says what was not run' : 'every server the run started has been stopped'), color) + '\n');
    // a run writes its report and ends by itself; the other commands end here
    if (command !== 'run') void stopAll().finally(() => process.exit(2));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // a reader that goes away (`gwi-test … | head`) ends the output, not the run's cleanup
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  // a closed terminal (SIGHUP) must not turn the cleanup's messages into a crash
  process.stderr.on('error', () => {});
  try {
    const options = parseCli(argv);
    command = options.command;
    if (options.command === 'help') {
      process.stdout.write(helpText() + '\n');
      process.exitCode = 0;
    } else if (options.command === 'version') {
      process.stdout.write(toolVersion + '\n');
      process.exitCode = 0;
    } else {
      const { commands } = await import('./commands.ts');
      process.exitCode = await commands[options.command](options);
    }
  } catch (thrown) {
    if (interruption.signal.aborted && command !== 'run') return;
    const error = asGwiError(thrown, 'GWI_USAGE');
    process.stderr.write(errorBlock(error, color) + '\n');
    process.exitCode = 2;
  } finally {
    await stopAll();
  }
  if (interruption.signal.aborted) process.exit(2);
}
