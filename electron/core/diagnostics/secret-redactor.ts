// Removes secrets from anything headed for the application log or a diagnostics report: vault values the core has seen,
// Authorization / token headers, `token=` query parameters and strings that look like API tokens.

const HIDDEN = '[hidden]';
/** Vault values shorter than this are not searched for: a 1–3 character "secret" would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

// "Authorization: Bearer abc", "authorization=Basic abc", "X-Api-Token: abc", "Token abc" — the scheme stays, the credential goes.
const HEADER_CREDENTIAL = /\b((?:proxy-)?authorization|x-[a-z-]*(?:token|key)|api[-_]?key|private-token)(["']?\s*[:=]\s*["']?)(?:(bearer|basic|token|apikey)\s+)?([^\s"',;}&]+)/gi;
const SCHEME_CREDENTIAL = /\b(bearer|basic|token)(\s+)(?!\[hidden\])([A-Za-z0-9+/=._~-]{8,})/gi;
// token=…, access_token=…, api_key=…, password=…, routing_key=… in URLs, query strings and key=value log text.
const QUERY_SECRET = /([?&;\s,]|^)((?:[a-z_]*token|api[_-]?key|password|passwd|secret|routing[_-]?key|apikey)=)([^&\s#"',;]+)/gi;
// JSON-ish "apiToken": "…", "password": "…", "routingKey": "…".
const JSON_SECRET = /("(?:[a-z]*token|[a-z]*password|[a-z]*secret|routingkey|apikey|api_key|routing_key)"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi;
// Long runs of token alphabet mixing upper case, lower case and digits (Jira ATATT…, PagerDuty, JWT parts, base64 keys);
// lower-case slugs, paths, UUIDs and hex hashes do not match, so logs stay readable.
const TOKEN_LIKE = /(?<![A-Za-z0-9_+=-])(?=[A-Za-z0-9_+=-]*[0-9])(?=[A-Za-z0-9_+=-]*[a-z])(?=[A-Za-z0-9_+=-]*[A-Z])[A-Za-z0-9_+=-]{20,}(?![A-Za-z0-9_+=-])/g;
const KNOWN_PREFIX = /\b(?:ATATT[A-Za-z0-9_=-]{8,}|gh[pousr]_[A-Za-z0-9]{16,}|glpat-[A-Za-z0-9_-]{16,}|xox[abprs]-[A-Za-z0-9-]{10,}|u\+[A-Za-z0-9_-]{16,})/g;

export class SecretRedactor {
  private readonly secrets = new Set<string>();
  private ordered: string[] = [];
  private readonly trusted: string[] = [];

  /** Remembers a secret value (as read from or written to the vault) so later text containing it is redacted. */
  remember(value: string | undefined): void {
    if (value === undefined || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) return;
    this.secrets.add(value);
    // Longest first, so a secret that contains another is removed whole.
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
  }

  /**
   * Marks text known not to be secret (the data directory, whose temp or user names can look token-like), so the
   * token-shape heuristic leaves it readable. Vault values are still removed from it.
   */
  trust(text: string): void {
    if (text.length > 0) this.trusted.push(text);
  }

  /** Number of distinct vault values known, for the diagnostics report (never the values). */
  get knownSecretCount(): number {
    return this.secrets.size;
  }

  redactText(text: string): string {
    let out = text;
    for (const secret of this.ordered) {
      if (!out.includes(secret)) continue;
      // The marker must not itself contain the secret, or replacing would put it back.
      const marker = HIDDEN.includes(secret) ? '***' : HIDDEN;
      out = out.split(secret).join(marker);
    }
    return out
      .replace(HEADER_CREDENTIAL, (_m, name: string, sep: string, scheme: string | undefined) => `${name}${sep}${scheme ? `${scheme} ` : ''}${HIDDEN}`)
      .replace(SCHEME_CREDENTIAL, (_m, scheme: string, space: string) => `${scheme}${space}${HIDDEN}`)
      .replace(QUERY_SECRET, (_m, lead: string, key: string) => `${lead}${key}${HIDDEN}`)
      .replace(JSON_SECRET, (_m, open: string, _v: string, close: string) => `${open}${HIDDEN}${close}`)
      .replace(KNOWN_PREFIX, HIDDEN)
      .replace(TOKEN_LIKE, (match) => (this.trusted.some((t) => t.includes(match)) ? match : HIDDEN));
  }

  /** A JSON-safe copy of any value with every string redacted (errors become name/message/stack; cycles are cut). */
  redactValue(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
    if (typeof value === 'string') return this.redactText(value);
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return value.toString();
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (value instanceof Error) {
      const cause = (value as { cause?: unknown }).cause;
      return {
        name: value.name,
        message: this.redactText(value.message),
        ...(value.stack ? { stack: this.redactText(value.stack) } : {}),
        ...(cause !== undefined ? { cause: this.redactValue(cause, seen) } : {}),
      };
    }
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v, seen) ?? null);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const safeKey = this.redactText(key);
      out[safeKey] = SECRET_KEY.test(key) && v !== undefined && v !== null && v !== '' ? HIDDEN : this.redactValue(v, seen);
    }
    return out;
  }
}

/** Field names whose values are secrets whatever they look like. */
const SECRET_KEY = /^(authorization|password|passwd|secret|.*token|.*apikey|api_key|routingkey|routing_key|routingkeys|cookie|set-cookie)$/i;
