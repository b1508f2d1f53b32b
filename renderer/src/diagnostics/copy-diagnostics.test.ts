// Copy diagnostics: success names what was copied; a failed call or a refusing clipboard says so and keeps the text.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { copyDiagnostics } from './copy-diagnostics';

const report = { text: '# Firebreak diagnostics\nline two', logFile: '/data/logs/firebreak.log' };
const client = (result: Result<unknown>) => ({ call: (async () => result) as never });

describe('copyDiagnostics', () => {
  it('copies the report and says where the full log is', async () => {
    const copied: string[] = [];
    const outcome = await copyDiagnostics(client({ ok: true, value: report }), { writeText: async (t) => void copied.push(t) });
    expect(copied).toEqual([report.text]);
    expect(outcome).toEqual({ ok: true, message: 'Diagnostics copied to the clipboard (2 lines, secrets removed). Full log: /data/logs/firebreak.log' });
  });

  it('keeps the text when the clipboard refuses or is missing', async () => {
    const refused = await copyDiagnostics(client({ ok: true, value: report }), { writeText: () => Promise.reject(new Error('Document is not focused')) });
    expect(refused).toMatchObject({ ok: false, text: report.text });
    expect(refused.message).toContain('Document is not focused');
    expect(await copyDiagnostics(client({ ok: true, value: report }), undefined)).toMatchObject({ ok: false, text: report.text });
  });

  it('explains a failed call', async () => {
    const outcome = await copyDiagnostics(client({ ok: false, error: { code: 'unavailable', message: 'core is gone' } }), { writeText: async () => undefined });
    expect(outcome).toEqual({ ok: false, message: 'Diagnostics could not be collected: core is gone' });
  });
});
