import { cgiPlugin } from '../../harness/cgi/plugin.ts';
import { describePluginMutants } from './mutantServer.ts';

// fixtures/cgi/mutant/mutant_cgi_server.py breaks one rule of the cgi profile per --break switch, named by the rule id.
describePluginMutants(cgiPlugin, 'cgi/mutant', 'mutant CGI server');
