/** What a request-target means, whichever interface carries it to the application (RFC 9112 section 3.2, RFC 3986). */

/** The target split at its first '?'. */
export function splitTarget(target: string): { path: string; query?: string } {
  const at = target.indexOf('?');
  return at < 0 ? { path: target } : { path: target.slice(0, at), query: target.slice(at + 1) };
}

/**
 * The path with percent-escapes decoded to octets, one code point each (ISO-8859-1).
 * `keepSlash` leaves %2F escapes as sent, the other choice servers make for them.
 */
export function decodePath(path: string, keepSlash = false): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (escape, hex: string) => {
    const octet = parseInt(hex, 16);
    return keepSlash && octet === 0x2f ? escape : String.fromCharCode(octet);
  });
}

export const hasEncodedSlash = (path: string) => /%2f/i.test(path);

/** Fields whose meaning is the connection's (RFC 9110 section 7.6.1); a server may consume them. */
export const hopByHop = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection']);
