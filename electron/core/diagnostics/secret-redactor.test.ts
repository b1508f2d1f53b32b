// The redactor: vault values anywhere, credential headers, token query parameters and token-looking strings are removed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretRedactor } from './secret-redactor';

describe('SecretRedactor', () => {
  it('removes remembered vault values wherever they appear, longest first', () => {
    const r = new SecretRedactor();
    r.remember('s3cr3t-value');
    r.remember('s3cr3t');
    expect(r.redactText('failed with s3cr3t-value and s3cr3t')).toBe('failed with [hidden] and [hidden]');
    r.remember('hidd');
    expect(r.redactText('hidd')).toBe('***');
  });

  it('ignores values too short to search for safely', () => {
    const r = new SecretRedactor();
    r.remember('ab');
    expect(r.redactText('tab')).toBe('tab');
    expect(r.knownSecretCount).toBe(0);
  });

  it.each([
    ['Authorization: Bearer abc.def.ghi', 'Authorization: Bearer [hidden]'],
    ['authorization=Basic Zm9vOmJhcg==', 'authorization=Basic [hidden]'],
    ['{"Authorization":"Token xyz123"}', '{"Authorization":"Token [hidden]"}'],
    ['X-Api-Token: abcdef', 'X-Api-Token: [hidden]'],
    ['GET https://jira.example/rest?jql=a&token=abc123&x=1', 'GET https://jira.example/rest?jql=a&token=[hidden]&x=1'],
    ['url http://h/?access_token=zzz', 'url http://h/?access_token=[hidden]'],
    ['{"apiToken":"plain words"}', '{"apiToken":"[hidden]"}'],
    ['key ATATT3xFfGF0abcdefgh12345 used', 'key [hidden] used'],
    ['random Ab3dEf9hIj2kLm4nOp6qRs8t end', 'random [hidden] end'],
  ])('redacts %s', (input, expected) => {
    expect(new SecretRedactor().redactText(input)).toBe(expected);
  });

  it.each(['/tmp/firebreak-e2e-settings-2026-11-25/incidents/inc-1', '550e8400-e29b-41d4-a716-446655440000', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'jira.testConnection failed'])(
    'leaves ordinary text alone: %s',
    (text) => {
      expect(new SecretRedactor().redactText(text)).toBe(text);
    },
  );

  it('keeps trusted text such as the data directory readable, but still removes vault values from it', () => {
    const r = new SecretRedactor();
    const dataDir = '/tmp/firebreak-e2e-Xy7Qk2Lm9Pz4Wv1Rt8';
    expect(r.redactText(`data in ${dataDir}`)).toBe('data in /tmp/[hidden]');
    r.trust(dataDir);
    expect(r.redactText(`data in ${dataDir}`)).toBe(`data in ${dataDir}`);
    expect(r.redactText('key Xy7Qk2Lm9Pz4Wv1Rt8ABCDEFG elsewhere')).toBe('key [hidden] elsewhere');
    r.remember('Qk2Lm9');
    expect(r.redactText(dataDir)).toBe('/tmp/firebreak-e2e-Xy7[hidden]Pz4Wv1Rt8');
  });

  it('redacts values deeply: secret-named fields, errors with causes, cycles', () => {
    const r = new SecretRedactor();
    r.remember('vault-value-1');
    const cyclic: Record<string, unknown> = { password: 'anything', nested: [{ note: 'has vault-value-1 inside' }] };
    cyclic.self = cyclic;
    const error = new Error('boom vault-value-1', { cause: new Error('root vault-value-1') });
    const out = JSON.stringify(r.redactValue({ cyclic, error, token: '', n: 1, big: 2n, fn: () => 1 }));
    expect(out).not.toContain('vault-value-1');
    expect(out).not.toContain('anything');
    expect(out).toContain('[circular]');
    expect(out).toContain('"token":""');
  });

  it('property: a remembered secret inserted anywhere never survives redaction', () => {
    const secret = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'.split('')), minLength: 4, maxLength: 40 });
    fc.assert(
      fc.property(secret, fc.string(), fc.string(), (value, before, after) => {
        const r = new SecretRedactor();
        r.remember(value);
        expect(r.redactText(`${before}${value}${after}`)).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });
});
