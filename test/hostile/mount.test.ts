import { describe, expect, it } from 'vitest';
import { mountTarget, mountTargets, unmountPath } from '../../harness/hostile/mount.ts';

describe('hostile octets for a probe mounted below a prefix (a CGI script at /gwi)', () => {
  it('puts the prefix in front of every request line\'s path, smuggled and absolute-form ones too', () => {
    const octets = 'POST /front HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET http://h:1/smuggled?q HTTP/1.1\nX-A: /front HTTP/1.1\n\nOPTIONS * HTTP/1.1\r\n\r\n';
    expect(mountTargets(octets, '/gwi')).toBe('POST /gwi/front HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET http://h:1/gwi/smuggled?q HTTP/1.1\nX-A: /front HTTP/1.1\n\nOPTIONS * HTTP/1.1\r\n\r\n');
    expect(mountTarget('http://h', '/gwi')).toBe('http://h/gwi/');
  });

  it('leaves everything as it is without a prefix (WSGI, ASGI, Rack, PSGI servers at the root)', () => {
    const octets = 'GET /front HTTP/1.1\r\n\r\n';
    expect(mountTargets(octets, '')).toBe(octets);
    expect(unmountPath('/front', '')).toBe('/front');
  });

  it('takes the prefix off the paths arrivals logged, and keeps a path outside it whole', () => {
    expect(unmountPath('/gwi/front', '/gwi')).toBe('/front');
    expect(unmountPath('/gwi', '/gwi')).toBe('/');
    expect(unmountPath('/gwiz/front', '/gwi')).toBe('/gwiz/front');
    expect(unmountPath('/other', '/gwi')).toBe('/other');
  });
});
