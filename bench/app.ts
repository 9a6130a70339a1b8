// npm run bench (second part): the application suite through the driver, against a framework adapter, next to the
// rate of bare driver calls on the same application. Numbers, never assertions.
import { loadAdapter } from '../harness/adapter/load.ts';
import { startDriver } from '../harness/wsgi/app/driver.ts';
import { fixedCall } from '../harness/wsgi/app/suite.ts';
import { runConformance } from '../harness/engine/conformance.ts';
import { packageRoot } from '../harness/spec/paths.ts';
import '../harness/interfaces.ts';

const adapterPath = packageRoot + 'adapters/' + (process.argv[2] ?? 'flask');
const adapter = await loadAdapter(adapterPath);

let calls = 0;
const begun = performance.now();
const report = await runConformance({ adapter, seed: 1, onRequest: () => (calls += 1) });
const seconds = (performance.now() - begun) / 1000;
if (report.errors.length > 0) throw new Error(`the suite did not run: ${report.errors.map((e) => e.code).join(', ')}`);

// the same GET / again and again: what the driver and the application cost without generation or checks
const driver = await startDriver(adapter);
const call = fixedCall('GET', '/');
let bare = 0;
const until = performance.now() + 2000;
while (performance.now() < until) {
  await driver.call(call, 10_000);
  bare += 1;
}
await driver.stop();

console.log(`application         ${adapter.config.name} (${Object.entries(report.adapter.versions).map(([k, v]) => `${k} ${v}`).join(', ')})`);
console.log(`suite wall time     ${seconds.toFixed(2)} s (driver start and stop included)`);
console.log(`suite calls         ${calls} (${(calls / seconds).toFixed(0)} calls/s overall)`);
console.log(`bare driver calls   ${(bare / 2).toFixed(0)} calls/s (GET / only, no generation or checks)`);
