import { metricsAccess } from './metrics-access';

const sut = metricsAccess;
const TOKEN = 'prometheus-reads-this-0123';

describe('metricsAccess', () => {
  it('serves this machine without a token, over IPv4 and IPv6 loopback', () => {
    expect(sut({ remoteAddress: '127.0.0.1', proxied: false }, undefined)).toEqual({ allowed: true });
    expect(sut({ remoteAddress: '::1', proxied: false }, undefined)).toEqual({ allowed: true });
    expect(sut({ remoteAddress: '::ffff:127.0.0.1', proxied: false }, undefined)).toEqual({ allowed: true });
  });

  it('refuses other machines, and loopback reached through a proxy, when no token is set', () => {
    expect(sut({ remoteAddress: '10.0.0.7', proxied: false }, undefined)).toMatchObject({
      allowed: false,
      status: 403,
      message: expect.stringContaining('METRICS_TOKEN'),
    });
    expect(sut({ remoteAddress: '127.0.0.1', proxied: true }, undefined)).toMatchObject({ allowed: false, status: 403 });
  });

  it('with a token set, serves whoever sends it, from anywhere, and nobody else, not even loopback', () => {
    expect(sut({ authorization: `Bearer ${TOKEN}`, remoteAddress: '10.0.0.7', proxied: true }, TOKEN)).toEqual({ allowed: true });
    expect(sut({ authorization: `bearer ${TOKEN}`, remoteAddress: '10.0.0.7', proxied: false }, TOKEN)).toEqual({ allowed: true });
    expect(sut({ authorization: `Bearer ${TOKEN}x`, remoteAddress: '10.0.0.7', proxied: false }, TOKEN)).toMatchObject({ allowed: false, status: 401 });
    expect(sut({ authorization: TOKEN, remoteAddress: '127.0.0.1', proxied: false }, TOKEN)).toMatchObject({ allowed: false, status: 401 });
    expect(sut({ remoteAddress: '127.0.0.1', proxied: false }, TOKEN)).toMatchObject({ allowed: false, status: 401 });
  });
});
