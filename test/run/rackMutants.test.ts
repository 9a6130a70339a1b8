import { rackPlugin } from '../../harness/rack/plugin.ts';
import { describePluginMutants } from './mutantServer.ts';

// fixtures/rack/mutant/mutant_rack_server.rb breaks one rule of the rack profile per --break switch, named by the rule id.
describePluginMutants(rackPlugin, 'rack/mutant', 'mutant Rack server');
