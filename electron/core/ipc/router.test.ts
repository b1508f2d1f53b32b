// Tests for the core router: the shared envelope, and the output check that catches contract drift in development and tests.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/result';
import { createRouter, outputChecksWanted, withOutputChecks, type Handlers } from './router';

const info = { version: '1.0.0', mode: 'browser', dataDir: '/data', operator: 'ic', capabilities: ['runbooks'] };
const routerWith = (appInfo: () => unknown, checkOutputs?: boolean) => {
  const reported: string[] = [];
  const report = (_c: string, e: unknown) => reported.push(String(e));
  const router = withOutputChecks(createRouter({ 'app.info': appInfo } as unknown as Handlers, report), report, checkOutputs);
  return { router, reported };
};

describe('router', () => {
  it('answers a handler value that matches the contract unchanged', async () => {
    const { router } = routerWith(() => info);
    expect(await router.dispatch('app.info', {})).toEqual({ ok: true, value: info });
  });

  it('turns an answer that drifted from the output schema into an internal error naming the field, in test runs', async () => {
    const { router, reported } = routerWith(() => ({ ...info, capabilities: 'runbooks', mode: 'kiosk' }));
    const result = await router.dispatch('app.info', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toMatch(/^app\.info answered outside its contract: .*mode/);
    expect(result.error.details).toEqual(expect.arrayContaining([expect.stringMatching(/^capabilities: /)]));
    expect(reported).toHaveLength(1);
  });

  it('does not check answers when turned off (production)', async () => {
    const { router } = routerWith(() => ({ ...info, mode: 'kiosk' }), false);
    expect((await router.dispatch('app.info', {})).ok).toBe(true);
    expect(outputChecksWanted({ NODE_ENV: 'production' })).toBe(false);
    expect(outputChecksWanted({ NODE_ENV: 'test' })).toBe(true);
    expect(outputChecksWanted({ NODE_ENV: 'production', FIREBREAK_CHECK_OUTPUTS: '1' })).toBe(true);
  });

  it('still answers domain errors and bad input as before', async () => {
    const { router } = routerWith(() => {
      throw new DomainError('not_found', 'nothing here');
    });
    expect(await router.dispatch('app.info', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'nothing here' } });
    expect((await router.dispatch('no.such', {})).ok).toBe(false);
  });
});
