/**
 * Servers that run the probe below a mount prefix (a CGI script at /gwi, the adapter's scriptName) see only requests
 * whose path starts with it. Hostile octets are written for a probe at the root, so every request line's target gets
 * the prefix in front of its path, and arrivals lose it again: the judges compare the paths the corpus names.
 */

/** A request line: method, target (origin-form or absolute-form), version. */
const requestLine = /(^|\n)([!#$%&'*+.^_`|~0-9A-Za-z@-]+ )(\S+)( HTTP\/\d\.\d\r?\n)/g;

/** The target with `prefix` in front of its path: `/a` → `/gwi/a`, `http://h/a` → `http://h/gwi/a`; others (`*`) unchanged. */
export function mountTarget(target: string, prefix: string): string {
  if (target.startsWith('/')) return prefix + target;
  const absolute = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/.*)?$/i.exec(target);
  return absolute ? absolute[1] + prefix + (absolute[2] ?? '/') : target;
}

/** Every request line of the octets, pipelined and smuggled ones too, aimed below `prefix` ('' leaves them as they are). */
export function mountTargets(octets: string, prefix: string): string {
  if (prefix === '') return octets;
  return octets.replace(requestLine, (_, start: string, method: string, target: string, version: string) => start + method + mountTarget(target, prefix) + version);
}

/** The path an arrival logged, without the mount prefix (a path outside it is kept whole). */
export function unmountPath(path: string, prefix: string): string {
  if (prefix === '' || !path.startsWith(prefix)) return path;
  const rest = path.slice(prefix.length);
  return rest === '' ? '/' : rest.startsWith('/') ? rest : path;
}
