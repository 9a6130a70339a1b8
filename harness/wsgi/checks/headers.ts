import { fieldValues } from '../../http/request.ts';
import { expectedHttpVariables, hasObsText, hopByHop } from '../oracle.ts';
import { cgiName } from '../../generators/fieldName.ts';
import { environValue, expectThat, pass, pointerTo, show, deviation, type Check, type Outcome } from '../observation.ts';

/** A value that is right once SP/HTAB around it are trimmed: a whitespace fault, not a decoding one. */
const differsOnlyInWhitespace = (sent: string, seen: string) => seen.replace(/^[ \t]+|[ \t]+$/g, '') === sent;

/** The HTTP_ variable `key` against the field lines it stands for. */
function checkValue(key: string, values: string[], lines: string[], seen: string): Outcome[] {
  const pointer = pointerTo(key);
  if (values.length === 1) {
    if (seen === values[0]) return [pass('wsgi.environ.http-vars.value', pointer), ...latin1Passes(values, pointer)];
    const ruleId = hasObsText(values[0]) && !differsOnlyInWhitespace(values[0], seen) && seen !== lines[0] ? 'wsgi.strings.latin1-decoding' : 'wsgi.environ.http-vars.value';
    return [deviation(ruleId, pointer, `${key} is not the field value sent`, values[0], seen)];
  }
  for (const separator of [',', ', ']) {
    if (seen === values.join(separator)) {
      return [pass('wsgi.environ.http-vars.combined', pointer), pass('wsgi.environ.http-vars.join-separator', pointer, { profile: JSON.stringify(separator) }), ...latin1Passes(values, pointer)];
    }
  }
  const ascii = values.every((v) => !hasObsText(v));
  const lostValues = values.some((v) => seen.replace(/^[ \t]+|[ \t]+$/g, '') === v);
  // every octet but SP and HTAB intact (whitespace kept or dropped around the values): a combining fault, not a decoding
  // one, which changes the obs-text octets themselves
  const squeeze = (text: string) => text.replace(/[ \t]/g, '');
  const whitespaceKept = squeeze(seen) === squeeze(values.join(','));
  const ruleId = ascii || lostValues || whitespaceKept ? 'wsgi.environ.http-vars.combined' : 'wsgi.strings.latin1-decoding';
  return [deviation(ruleId, pointer, `${key} does not combine the ${values.length} field lines sent`, values.join(', '), seen)];
}

/** A value with octets 0x80-0xFF that arrived intact is a case of the latin-1 rule too. */
function latin1Passes(values: string[], pointer: string): Outcome[] {
  return values.some(hasObsText) ? [pass('wsgi.strings.latin1-decoding', pointer)] : [];
}

/** Checks of how header fields become CGI variables. */
export const headers: Check = ({ request, report }) => {
  if (!report) return [];
  const out: Outcome[] = [];
  const expected = expectedHttpVariables(request);
  const seenKeys = Object.keys(report.environ).filter((key) => /^http_/i.test(key));

  const badNames = seenKeys.filter((key) => /[a-z-]/.test(key));
  out.push(expectThat('cgi.http-vars.name', '/report/environ', badNames.length === 0, 'HTTP_ keys that keep "-" or lower-case letters', 'HTTP_ + upper case, "-" as "_"', badNames));

  const normalised = new Set(seenKeys.map((key) => key.toUpperCase().replace(/-/g, '_')));
  const missing: string[] = [];
  for (const [key, entry] of expected) {
    const value = environValue(report, key);
    if (entry.underscore) {
      out.push(pass('wsgi.environ.http-vars.underscore-names', pointerTo(key), { profile: value === undefined ? 'dropped' : 'passed to the application' }));
    } else if (!normalised.has(key) && !entry.hopByHop) {
      missing.push(key);
    }
    if (value?.type === 'str' && typeof value.value === 'string') out.push(...checkValue(key, entry.values, entry.lines, value.value));
  }
  // fields about the connection (Connection, Keep-Alive…) may be added or consumed by a proxy in front
  const connectionFields = new Set([...hopByHop].map(cgiName));
  const unexpected = [...normalised].filter((key) => !expected.has(key) && key !== 'HTTP_CONTENT_TYPE' && key !== 'HTTP_CONTENT_LENGTH' && !connectionFields.has(key));
  out.push(expectThat('wsgi.environ.http-vars.presence', '/report/environ', missing.length === 0 && unexpected.length === 0, 'HTTP_ variables do not match the fields sent', { missing: [], unexpected: [] }, { missing, unexpected }));

  const contentType = fieldValues(request, 'content-type');
  const contentLength = fieldValues(request, 'content-length');
  const typeSeen = environValue(report, 'CONTENT_TYPE');
  if (contentType.length === 1) {
    out.push(expectThat('wsgi.environ.content-type', pointerTo('CONTENT_TYPE'), typeSeen?.value === contentType[0], 'CONTENT_TYPE is not the Content-Type sent', contentType[0], show(typeSeen)));
  } else if (contentType.length === 0 && contentLength.length === 0 && !request.chunks) {
    out.push(expectThat('cgi.content-type.no-default', pointerTo('CONTENT_TYPE'), typeSeen === undefined || typeSeen.value === '', 'CONTENT_TYPE has a value the client never sent', '(absent or empty)', show(typeSeen)));
  }
  if (contentLength.length === 0 && !request.chunks && request.body === '') {
    const lengthSeen = environValue(report, 'CONTENT_LENGTH');
    out.push(expectThat('cgi.content-length.no-body', pointerTo('CONTENT_LENGTH'), lengthSeen === undefined || lengthSeen.value === '', 'CONTENT_LENGTH has a value for a request with no body and no Content-Length', '(absent or empty)', show(lengthSeen)));
  }
  if (contentLength.length === 1) {
    const lengthSeen = environValue(report, 'CONTENT_LENGTH');
    out.push(expectThat('wsgi.environ.content-length', pointerTo('CONTENT_LENGTH'), lengthSeen?.type === 'str' && lengthSeen.value === contentLength[0], 'CONTENT_LENGTH is not the Content-Length sent', contentLength[0], show(lengthSeen)));
  }
  if (contentType.length + contentLength.length > 0) {
    const duplicates = ['HTTP_CONTENT_TYPE', 'HTTP_CONTENT_LENGTH'].filter((key) => normalised.has(key));
    out.push(expectThat('cgi.http-vars.no-duplicates', '/report/environ', duplicates.length === 0, 'Content-Type/Content-Length also appear as HTTP_ variables', [], duplicates));
  }
  return out;
};
