// Test support: what an admin makes with `nsc` for a nats-server in operator/JWT mode, generated in memory with the NATS JWT
// library — an operator, a team account with JetStream enabled (account limits), users of that account as .creds files — and
// the server configuration that trusts the operator and preloads the account (resolver: MEMORY), with JetStream on.
import { createAccount, createOperator, createUser, encodeAccount, encodeOperator, encodeUser, fmtCreds, type KeyPair } from '@nats-io/jwt';

/** The account limits `nsc add account` writes (-1 is unlimited; a missing limit is 0, e.g. no subscriptions at all). */
const ACCOUNT_LIMITS = { subs: -1, data: -1, payload: -1, imports: -1, exports: -1, wildcards: true, conn: -1, leaf: -1 };
/** Unlimited JetStream (`nsc edit account --js-mem-storage -1 --js-disk-storage -1 …`): without JetStream limits in its JWT an
 *  account cannot use JetStream in operator mode. */
const JETSTREAM_UNLIMITED = { mem_storage: -1, disk_storage: -1, streams: -1, consumer: -1 };

export interface UserOptions {
  /** Seconds since the epoch after which the server refuses the user (`nsc add user --expiry`). */
  expires?: number;
}

export class NatsAccount {
  /** Users revoked in the account JWT (`nsc revocations add-user`): public key → revoked for JWTs issued before this second. */
  readonly revocations: Record<string, number> = {};

  constructor(
    readonly name: string,
    /** False: an account as `nsc add account` makes it, without JetStream. */
    private readonly jetstream = true,
    readonly key: KeyPair = createAccount(),
  ) {}

  get publicKey(): string {
    return this.key.getPublicKey();
  }

  /** A user of this account as the text of a .creds file (user JWT signed by the account + the user's seed). */
  async userCreds(name: string, options: UserOptions = {}): Promise<{ creds: string; publicKey: string }> {
    const user = createUser();
    const jwt = await encodeUser(name, user, this.key, {}, options.expires ? { exp: options.expires } : {});
    return { creds: new TextDecoder().decode(fmtCreds(jwt, user)), publicKey: user.getPublicKey() };
  }

  /** Revokes every JWT of this user issued up to now. */
  revoke(userPublicKey: string): void {
    this.revocations[userPublicKey] = Math.floor(Date.now() / 1000) + 1;
  }

  /** The account JWT, signed by the operator: JetStream enabled, with the current revocations. */
  jwt(operator: KeyPair): Promise<string> {
    return encodeAccount(this.name, this.key, { limits: { ...ACCOUNT_LIMITS, ...(this.jetstream ? JETSTREAM_UNLIMITED : {}) }, revocations: { ...this.revocations } }, { signer: operator });
  }
}

export class NatsOperator {
  readonly key: KeyPair = createOperator();
  /** The system account (`nsc add account SYS`, named in the operator JWT): nats-server 2.9 will not start JetStream in
   *  operator mode without one ("system account not setup"). It gets no JetStream itself. */
  readonly system = new NatsAccount('SYS', false);

  constructor(readonly name: string) {}

  account(name: string, options: { jetstream?: boolean } = {}): NatsAccount {
    return new NatsAccount(name, options.jetstream ?? true);
  }

  /** The server configuration: trusts this operator, knows exactly the given accounts, and stores JetStream in `storeDir`. */
  async serverConfig(storeDir: string, accounts: NatsAccount[]): Promise<string> {
    const operatorJwt = await encodeOperator(this.name, this.key, { system_account: this.system.publicKey });
    const preload = await Promise.all([...accounts.map(async (a) => `  ${a.publicKey}: ${await a.jwt(this.key)}`), this.system.jwt(this.key).then((jwt) => `  ${this.system.publicKey}: ${jwt}`)]);
    return [
      `operator: ${operatorJwt}`,
      `system_account: ${this.system.publicKey}`,
      'resolver: MEMORY',
      'resolver_preload: {',
      ...preload,
      '}',
      `jetstream { store_dir: ${JSON.stringify(storeDir)} }`,
      '',
    ].join('\n');
  }
}
