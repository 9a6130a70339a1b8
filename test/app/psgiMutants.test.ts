import { describeInterpretedMutantApplication } from './mutantApplication.ts';

// fixtures/psgi/mutant-app/mutant_app.psgi breaks one application rule when GWI_BREAK names it.
// Profile rules cannot fail: the switch moves the recorded choice to this one only.
describeInterpretedMutantApplication('psgi/mutant-app', 'mutant PSGI application', 'psgi.', { 'psgi.app.response.dies': 'dies', 'psgi.app.delayed.streaming-check': 'delayed response anyway' });
