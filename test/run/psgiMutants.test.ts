import { psgiPlugin } from '../../harness/psgi/plugin.ts';
import { describePluginMutants } from './mutantServer.ts';

// fixtures/psgi/mutant/mutant_psgi_server.pl breaks one rule of the psgi profile per --break switch, named by the rule id.
describePluginMutants(psgiPlugin, 'psgi/mutant', 'mutant PSGI server');
