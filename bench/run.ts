// npm run bench: the interface's own suite against one server (gunicorn for WSGI, uvicorn for ASGI), timed end to end (server start and stop included), next to the
// rate a plain keep-alive client reaches against the same server at the same concurrency. Numbers, never assertions.
import { Agent, request } from 'node:http';
import { loadAdapter } from '../harness/adapter/load.ts';
import { runConformance } from '../harness/engine/conformance.ts';
import { startServer } from '../harness/run/server.ts';
import { packageRoot } from '../harness/spec/paths.ts';
import { pluginFor } from '../harness/engine/plugin.ts';
import '../harness/interfaces.ts';

const adapterPath = packageRoot + 'adapters/' + (process.argv[2] ?? 'gunicorn');
const rounds = Number(process.env.GWI_BENCH_ROUNDS ?? 3);

async function suiteRound(seed: number, profiles: string[]) {
  let requests = 0;
  let ready = 0;
  let lastDone = 0;
  const begun = performance.now();
  const report = await runConformance({
    adapter: adapterPath, seed, profiles, onRequest: () => (requests += 1),
    onProgress: (event) => (event.type === 'server-ready' ? (ready = performance.now()) : (lastDone = performance.now())),
  });
  const seconds = (performance.now() - begun) / 1000;
  if (report.errors.length > 0) throw new Error(`the suite did not run: ${report.errors.map((e) => e.code).join(', ')}`);
  return { seconds, requests, suiteSeconds: (lastDone - ready) / 1000 };
}

/** GET / over `concurrency` keep-alive connections for `seconds`, as fast as the server answers. */
async function plainClient(concurrency: number, seconds: number): Promise<number> {
  const adapter = await loadAdapter(adapterPath);
  const server = await startServer(adapter, pluginFor(adapter.config.interface));
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
  try {
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await one();
        done += 1;
      }
    }));
  } finally {
    agent.destroy();
    await server.stop();
  }
  return done / seconds;
}

const adapter = await loadAdapter(adapterPath);
const own = adapter.config.interface;
const results = [];
for (let i = 0; i < rounds; i++) results.push(await suiteRound(1000 + i, [own]));
const security = await suiteRound(1000, ['security']);
const median = [...results].sort((a, b) => a.seconds - b.seconds)[Math.floor(results.length / 2)];
const plain = await plainClient(adapter.config.concurrency, 3);
const overall = median.requests / median.seconds;
const phase = median.requests / median.suiteSeconds;
console.log(`adapter             ${adapter.config.name} (concurrency ${adapter.config.concurrency})`);
console.log(`${own} suite wall time ${median.seconds.toFixed(2)} s (median of ${rounds}; server start and stop included)`);
console.log(`security profile    ${security.seconds.toFixed(2)} s (one round, ${security.requests} requests)`);
console.log(`suite requests      ${median.requests}`);
console.log(`cases/s, overall    ${overall.toFixed(0)}`);
console.log(`cases/s, requests   ${phase.toFixed(0)} (from server ready to last entry done)`);
console.log(`plain keep-alive    ${plain.toFixed(0)} requests/s (GET / on the probe, same concurrency)`);
console.log(`ratio               ${(phase / plain).toFixed(2)} (request phase) / ${(overall / plain).toFixed(2)} (overall) of the plain client's rate`);
