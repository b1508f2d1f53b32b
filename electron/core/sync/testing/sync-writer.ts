// Child process for the team sync crash test: a laptop that declares an incident and writes notes as fast as it can through
// the real core with sync on, printing each acknowledged note, until it is SIGKILLed (usually mid-publish).
import { join } from 'node:path';
import { startCore } from '../../firebreak-core';

async function main(): Promise<void> {
  const [dataDir, url] = [process.argv[2]!, process.argv[3]!];
  const core = await startCore({ dataDir, assetsDir: join(dataDir, 'assets'), mode: 'browser', version: '0.0.0-test', operator: 'crashy', seedDemo: false, backgroundSync: false, sync: { url, team: 'blue' } });
  const call = async (channel: string, input: unknown) => {
    const result = await core.router.dispatch(channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { id: string };
  };
  const { id } = await call('incidents.declare', { title: 'Crash during publish', severity: 'SEV2', commander: 'crashy' });
  process.stdout.write(`ready ${id}\n`);
  for (let n = 0; ; n++) {
    const texts = [`crash note ${n}a`, `crash note ${n}b`];
    await Promise.all(texts.map((text) => call('incidents.addNote', { incidentId: id, text, kind: 'note' })));
    process.stdout.write(texts.map((t) => `ack ${t}\n`).join(''));
  }
}

void main();
