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

/** Who a .creds file says the user is, read from its user JWT (without checking the signature: the server does that; this is
 *  only to explain a refusal in words). A hand-written decode of the JWT's middle part: a dependency for one JSON.parse is not
 *  worth it, and the NATS JWT library is only a test dependency. */
export interface CredsUser {
  name?: string;
  /** The account public key (A…) the user belongs to. */
  account?: string;
  /** When the server stops accepting the user, if the JWT says so. */
  expires?: Date;
}

export function credsUser(creds: Uint8Array): CredsUser {
  const jwt = new TextDecoder().decode(creds).match(/-----BEGIN NATS USER JWT-----\s*\n\s*(\S+)/)?.[1];
  try {
    const claims = JSON.parse(Buffer.from(jwt?.split('.')[1] ?? '', 'base64url').toString('utf8')) as { name?: unknown; iss?: unknown; exp?: unknown; nats?: { issuer_account?: unknown } };
    const account = typeof claims.nats?.issuer_account === 'string' ? claims.nats.issuer_account : typeof claims.iss === 'string' ? claims.iss : undefined;
    return {
      ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
      ...(account ? { account } : {}),
      ...(typeof claims.exp === 'number' && claims.exp > 0 ? { expires: new Date(claims.exp * 1000) } : {}),
    };
  } catch {
    return {};
  }
}

/** Why the server refused a .creds file, and what to do: an expired user needs a new file; otherwise the server does not know
 *  the user's account (a file for another team or operator) or the operator revoked the user — the server does not say which. */
export function describeCredsRefusal(server: string, path: string, user: CredsUser | undefined, now: Date): string {
  const until = 'until then changes stay on this laptop.';
  const who = user?.name ? `user "${user.name}"` : 'the user';
  if (user?.expires && user.expires.getTime() <= now.getTime()) {
    return `The team server ${server} refused the credentials file ${path}: ${who} expired on ${user.expires.toISOString().slice(0, 16).replace('T', ' ')} UTC. Ask your NATS operator for a new .creds file for this team (nsc edit user --expiry, then nsc generate creds) and point Settings → Team sync at it; ${until}`;
  }
  const account = user?.account ? ` of account ${user.account}` : '';
  const detail = user?.name || user?.account ? ` It holds ${who}${account}: the server does not know that account (a file for another team or server), or the operator revoked the user.` : '';
  return `The team server ${server} refused the credentials file ${path}.${detail} Ask your NATS operator for a current .creds file for this team (or fix the path in Settings → Team sync); ${until}`;
}

export function describeCredsFailure(e: unknown, path: string): string {
  const reason = e instanceof CredsFileError ? e.message : `The credentials file ${path} cannot be used (${(e as Error)?.message ?? String(e)}).`;
  return `${reason} Fix the path in Settings → Team sync (or FIREBREAK_SYNC_CREDS_FILE); until then changes stay on this laptop.`;
}
