import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemas: Record<string, string> = {
  'adapter.ts': 'spec/adapter.schema.json',
  'probeReport.ts': 'spec/wsgi/probe-report.schema.json',
  'report.ts': 'spec/report.schema.json',
  'rule.ts': 'spec/rule.schema.json',
  'responsePlan.ts': 'spec/wsgi/response-plan.schema.json',
  'probeEvents.ts': 'spec/wsgi/probe-events.schema.json',
  'expectations.ts': 'spec/expectations.schema.json',
  'regression.ts': 'spec/regression.schema.json',
  'driverProtocol.ts': 'spec/wsgi/driver-protocol.schema.json',
  'hostileCorpus.ts': 'spec/http/hostile-corpus.schema.json',
  'probeArrivals.ts': 'spec/http/probe-arrivals.schema.json',
  'probeBodyEvents.ts': 'spec/http/probe-body-events.schema.json',
  'asgiProbeReport.ts': 'spec/asgi/probe-report.schema.json',
  'asgiResponsePlan.ts': 'spec/asgi/response-plan.schema.json',
  'asgiProbeEvents.ts': 'spec/asgi/probe-events.schema.json',
  'asgiLifespanLine.ts': 'spec/asgi/probe-events.schema.json#/$defs/lifespanLine',
  'asgiDriverProtocol.ts': 'spec/asgi/driver-protocol.schema.json',
  'cgiProbeReport.ts': 'spec/cgi/probe-report.schema.json',
  'cgiResponsePlan.ts': 'spec/cgi/response-plan.schema.json',
  'rackDriverProtocol.ts': 'spec/rack/driver-protocol.schema.json',
  'rackHijackReport.ts': 'spec/rack/hijack-report.schema.json',
  'rackProbeReport.ts': 'spec/rack/probe-report.schema.json',
  'rackResponsePlan.ts': 'spec/rack/response-plan.schema.json',
  'psgiProbeReport.ts': 'spec/psgi/probe-report.schema.json',
  'psgiResponsePlan.ts': 'spec/psgi/response-plan.schema.json',
  'psgiDriverProtocol.ts': 'spec/psgi/driver-protocol.schema.json',
  'asgiWebSocketPlan.ts': 'spec/asgi/websocket-plan.schema.json',
  'asgiWebSocketEvents.ts': 'spec/asgi/websocket-events.schema.json',
};

/** [absolute output path, TypeScript source] for every schema. */
export async function generatedTypes(): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for (const [name, reference] of Object.entries(schemas)) {
    // a file, or one definition of a file (file#/$defs/name) that the file's root does not reach
    const [schemaPath, pointer] = reference.split('#');
    const file = JSON.parse(readFileSync(root + schemaPath, 'utf8'));
    const def = pointer?.replace('/$defs/', '');
    const schema = def ? { ...file.$defs[def], $defs: file.$defs } : file;
    const source = await compile(schema, schema.title, {
      bannerComment: `/* Generated from ${reference} by npm run gen:types. Do not edit. */`,
      additionalProperties: false,
      unreachableDefinitions: true,
      style: { singleQuote: true },
      cwd: root + dirname(schemaPath),
    });
    out.push([root + 'harness/generated/' + name, source]);
  }
  return out;
}
