// Property-based fuzzing of every contract channel, through the real core: malformed input is always answered with a
// Result envelope (validation error for bad shapes), never a crash, an internal error or a hang.
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, contract } from '../../../shared/ipc';
import { startCore, type FirebreakCore } from '../firebreak-core';

let dataDir: string;
let core: FirebreakCore;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-fuzz-'));
  core = await startCore({ dataDir, assetsDir: join(__dirname, '..', '..', '..', 'assets'), mode: 'browser', version: 'fuzz', operator: 'fuzzer' });
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('incidentId', 'title', 'severity', 'to', 'text', 'id', 'url', 'content', 'service'), fc.anything({ maxDepth: 2 })),
);

describe('contract fuzzing', () => {
  it.each(channels)('%s answers malformed input with an envelope, never a crash', async (channel) => {
    await fc.assert(
      fc.asyncProperty(junk, async (input) => {
        const result = await core.router.dispatch(channel, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(0);
          // Anything the contract rejects must come back as a validation error, not as a failure inside a handler.
          if (!contract[channel].input.safeParse(input ?? {}).success) expect(result.error.code).toBe('validation');
          else expect(result.error.code).not.toBe('internal');
        }
      }),
      { numRuns: 40 },
    );
  });

  it('unknown channels are validation errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.anything(), async (channel, input) => {
        fc.pre(!channels.includes(channel as never));
        const result = await core.router.dispatch(channel, input);
        expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
      }),
      { numRuns: 100 },
    );
  });
});
