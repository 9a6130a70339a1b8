// npm run bench (second part): the application suites through their drivers (WSGI: flask; ASGI: fastapi), each next to
// the rate of bare driver calls on the same application. Numbers, never assertions.
import { loadAdapter, type LoadedAdapter } from '../harness/adapter/load.ts';
import { startDriver } from '../harness/wsgi/app/driver.ts';
import { fixedCall } from '../harness/wsgi/app/suite.ts';
import { startAsgiDriver } from '../harness/asgi/app/driver.ts';
import { httpCall } from '../harness/asgi/app/calls.ts';
import { runConformance } from '../harness/engine/conformance.ts';
import { packageRoot } from '../harness/spec/paths.ts';
import '../harness/interfaces.ts';

/** GET / again and again for two seconds: what the driver and the application cost without generation or checks. */
async function bareRate(adapter: LoadedAdapter): Promise<number> {
  const driver = adapter.config.interface === 'asgi' ? await startAsgiDriver(adapter) : await startDriver(adapter);
  const call = adapter.config.interface === 'asgi' ? httpCall('GET', '/') : fixedCall('GET', '/');
  let bare = 0;
  const until = performance.now() + 2000;
  while (performance.now() < until) {
    await (driver.call as (c: typeof call, t: number) => Promise<unknown>)(call, 10_000);
    bare += 1;
  }
  await driver.stop();
  return bare / 2;
}

for (const name of process.argv.length > 2 ? process.argv.slice(2) : ['flask', 'fastapi']) {
  const adapter = await loadAdapter(packageRoot + 'adapters/' + name);
  let calls = 0;
  const begun = performance.now();
  const report = await runConformance({ adapter, seed: 1, onRequest: () => (calls += 1) });
  const seconds = (performance.now() - begun) / 1000;
  if (report.errors.length > 0) throw new Error(`the ${name} suite did not run: ${report.errors.map((e) => e.code).join(', ')}`);
  const bare = await bareRate(adapter);
  console.log(`application         ${adapter.config.interface} ${adapter.config.name} (${Object.entries(report.adapter.versions).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`suite wall time     ${seconds.toFixed(2)} s (driver start and stop included)`);
  console.log(`suite calls         ${calls} (${(calls / seconds).toFixed(0)} calls/s overall)`);
  console.log(`bare driver calls   ${bare.toFixed(0)} calls/s (GET / only, no generation or checks)`);
}
