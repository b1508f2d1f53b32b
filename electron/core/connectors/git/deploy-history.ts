// Reads what happened on a service's deploy ref: commits, merges and release tags in a time window, and the previous release.
import { jiraKeysIn } from '../../../../shared/git/jira-keys';
import type { GitRepo, RemoteTag } from './git-repo';

export interface DeployCommit {
  sha: string;
  author: string;
  committedAt: string;
  subject: string;
  message: string;
  merge: boolean;
  jiraKeys: string[];
  tags: string[];
}

export interface DeployHistory {
  headSha: string;
  commits: DeployCommit[];
  tags: RemoteTag[];
}

/** Converts a git tag glob ("v*", "release-[0-9]*") to a whole-string RegExp. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\/\]-]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Resolves the deploy ref on the remote, fetches it, and lists its history in the window (at most `max` commits). */
export async function readDeployHistory(repo: GitRepo, ref: string, window: { since: Date; until: Date }, max = 500): Promise<DeployHistory | undefined> {
  const raw = await repo.remoteRef(ref);
  if (!raw) return undefined;
  await repo.fetchRef(ref);
  const headSha = await repo.commitOf(raw);
  const [log, tags] = await Promise.all([repo.commitsBetween(undefined, headSha, { since: window.since, until: window.until, max }), repo.remoteTags()]);
  const tagsBySha = new Map<string, string[]>();
  for (const t of tags) tagsBySha.set(t.sha, [...(tagsBySha.get(t.sha) ?? []), t.tag]);
  const commits = log.map((c) => ({
    sha: c.sha,
    author: c.author,
    committedAt: c.committedAt,
    subject: c.subject,
    message: c.message,
    merge: c.parents.length > 1,
    jiraKeys: jiraKeysIn(c.message),
    tags: (tagsBySha.get(c.sha) ?? []).sort(),
  }));
  const inWindow = new Set(commits.map((c) => c.sha));
  return { headSha, commits, tags: tags.filter((t) => inWindow.has(t.sha)) };
}

/**
 * The newest release before `headSha` on its first-parent line: the first commit strictly before the head
 * that carries a tag matching the release pattern.
 */
export async function previousRelease(repo: GitRepo, headSha: string, releaseTagPattern: string): Promise<RemoteTag | undefined> {
  const pattern = globToRegExp(releaseTagPattern);
  const releases = (await repo.remoteTags()).filter((t) => pattern.test(t.tag));
  if (releases.length === 0) return undefined;
  const bySha = new Map<string, string[]>();
  for (const r of releases) bySha.set(r.sha, [...(bySha.get(r.sha) ?? []), r.tag]);
  const line = await repo.firstParentShas(headSha);
  for (const sha of line.slice(1)) {
    const tags = bySha.get(sha);
    if (tags) return { sha, tag: tags.sort().at(-1)! };
  }
  return undefined;
}

export interface Release extends RemoteTag {
  committedAt: string;
}

/**
 * The newest `count` releases on the first-parent line of `headSha` whose commits were made at or before `before`, newest
 * first: what an incident's deploy history must reach back to, however old they are. Without a pattern every tag counts.
 */
export async function releasesBefore(repo: GitRepo, headSha: string, releaseTagPattern: string | undefined, before: Date, count = 2): Promise<Release[]> {
  const pattern = releaseTagPattern ? globToRegExp(releaseTagPattern) : undefined;
  const bySha = new Map<string, string[]>();
  for (const t of await repo.remoteTags()) if (!pattern || pattern.test(t.tag)) bySha.set(t.sha, [...(bySha.get(t.sha) ?? []), t.tag]);
  if (bySha.size === 0) return [];
  const found: Release[] = [];
  for (const sha of await repo.firstParentShas(headSha)) {
    const tags = bySha.get(sha);
    if (!tags) continue;
    const [commit] = await repo.commitsBetween(undefined, sha, { max: 1 });
    if (!commit || Date.parse(commit.committedAt) > before.getTime()) continue;
    found.push({ sha, tag: tags.sort().at(-1)!, committedAt: new Date(commit.committedAt).toISOString() });
    if (found.length === count) break;
  }
  return found;
}
