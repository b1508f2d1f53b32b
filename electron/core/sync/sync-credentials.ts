// Team sync credentials besides user and password: a user nkey seed (kept in the vault; only its public key is ever shown)
// and a NATS .creds file (user JWT + seed) that the main process reads at each connect, so a file rotated by the operator's
// tooling (nsc) is picked up without touching Firebreak. Errors name the fix in words.
import { readFile } from 'node:fs/promises';
import { nkeys } from '@nats-io/transport-node';

const JWT_BLOCK = /-----BEGIN NATS USER JWT-----\s*\n\s*\S+\s*\n\s*------END NATS USER JWT------/;
const SEED_BLOCK = /-----BEGIN USER NKEY SEED-----\s*\n\s*SU[A-Z2-7]+\s*\n\s*------END USER NKEY SEED------/;

export class CredsFileError extends Error {}

/** The public key (U…) of a user nkey seed, or undefined when the text is not a valid user seed. */
export function nkeyPublicKey(seed: string): string | undefined {
  try {
    const pair = nkeys.fromSeed(new TextEncoder().encode(seed.trim()));
    const publicKey = pair.getPublicKey();
    return publicKey.startsWith('U') ? publicKey : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a .creds file and checks it holds a user JWT and a user seed, so a wrong file is named before the server is asked. */
export async function readCredsFile(path: string): Promise<Uint8Array> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no file there' : code === 'EACCES' ? 'Firebreak may not read it' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new CredsFileError(`The credentials file ${path} cannot be read (${why}).`);
  }
  if (!JWT_BLOCK.test(text) || !SEED_BLOCK.test(text)) throw new CredsFileError(`${path} is not a NATS credentials file: it needs the user JWT and the user nkey seed blocks that \`nsc generate creds\` writes.`);
  return new TextEncoder().encode(text);
}

export function describeCredsFailure(e: unknown, path: string): string {
  const reason = e instanceof CredsFileError ? e.message : `The credentials file ${path} cannot be used (${(e as Error)?.message ?? String(e)}).`;
  return `${reason} Fix the path in Settings → Team sync (or FIREBREAK_SYNC_CREDS_FILE); until then changes stay on this laptop.`;
}
