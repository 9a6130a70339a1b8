import { rackPlugin } from '../../harness/rack/plugin.ts';
import { describePluginMutants } from './mutantServer.ts';

// fixtures/rack/mutant/mutant_rack_server.rb breaks one rule of the rack profile per --break switch, named by the rule id.
// with rack.response.to-path-used it sends the file to_path names instead of iterating the body: a choice the SPEC leaves open
describePluginMutants(rackPlugin, 'rack/mutant', 'mutant Rack server', { 'rack.response.to-path-used': 'file sent (each not called)' });
