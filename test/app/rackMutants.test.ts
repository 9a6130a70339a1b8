import { describeInterpretedMutantApplication } from './mutantApplication.ts';

// fixtures/rack/mutant-app/config.ru breaks one Rack application rule when GWI_BREAK names it.
// Profile rules cannot fail: the switch moves the recorded choice to this one only.
describeInterpretedMutantApplication('rack/mutant-app', 'mutant Rack application', 'rack.', {
  'rack.app.raises': 'raises RuntimeError',
  'rack.app.status.class': 'String',
  'rack.app.headers.case': 'mixed case',
  'rack.app.streams.other-methods': 'calls rack.input.size',
});
