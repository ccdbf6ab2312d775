import { apiKeySecretMatches, generateApiKey, parseApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('parses the token it generated and matches its stored hash', () => {
    const sut = generateApiKey();
    const parsed = parseApiKey(sut.token);
    expect(parsed).toEqual({ prefix: sut.prefix, secret: sut.secret });
    expect(apiKeySecretMatches(parsed!.secret, sut.secretHash)).toBe(true);
  });

  it('refuses another key secret and malformed tokens', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(apiKeySecretMatches(b.secret, a.secretHash)).toBe(false);
    expect(parseApiKey('cgk_short_secret')).toBeNull();
    expect(parseApiKey('')).toBeNull();
  });
});
