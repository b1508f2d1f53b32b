// Puts a service's deploy-ref history from the incident window on the timeline as git.commit / git.tag events, each sha once;
// by default the window reaches back to the last two releases before the declaration, however old.
import type { IncidentEvent, NewEvent } from '../../../../shared/events';
import type { ProjectionDef } from '../../../../shared/projections/incremental-projection';
import { incidentProjection } from '../../../../shared/projections/domain-projections';
import type { GitImportResult, ParsedInputOf } from '../../../../shared/ipc';
import { DomainError } from '../../../../shared/result';
import { deployRef } from '../../../../shared/services/service-config';
import type { ServiceCatalogue } from '../../services/service-catalogue';
import type { IncidentStore } from '../../store/incident-store';
import { planningError } from '../../rollback/git-errors';
import { readDeployHistory, releasesBefore } from './deploy-history';
import { GitRepo } from './git-repo';

/** How far before the declaration the window starts at least: the change that caused an incident usually lands shortly before it. */
export const DEFAULT_LOOKBACK_MS = 6 * 60 * 60 * 1000;
/** Releases before the declaration the default window always reaches back to, however old: the suspect and the one to roll back to. */
export const RELEASES_BEFORE_INCIDENT = 2;

/** What is already on the timeline: commit shas and `tag@sha` pairs. */
export interface KnownGitRefs {
  shas: Set<string>;
  tags: Set<string>;
}

/**
 * The git.commit shas and git.tag pairs of the log, advanced event by event: the poller imports every few minutes for each
 * service of each open incident, and a scan of the whole log for them read the file back from disk past its in-memory tail.
 */
export const knownGitRefsProjection: ProjectionDef<KnownGitRefs> = {
  name: 'known git refs',
  initial: () => ({ shas: new Set(), tags: new Set() }),
  apply: (known, e: IncidentEvent) => {
    if (e.type === 'git.commit') known.shas.add(e.payload.sha);
    else if (e.type === 'git.tag') known.tags.add(`${e.payload.tag}@${e.payload.sha}`);
    return known;
  },
  view: (known) => known,
};

export async function importGitTimeline(
  store: IncidentStore,
  catalogue: ServiceCatalogue,
  actor: string,
  input: ParsedInputOf<'git.importTimeline'>,
  now: () => Date = () => new Date(),
): Promise<GitImportResult> {
  // What was imported before is read from the log: open it if it is only listed from its summary.
  await store.ensureOpen(input.incidentId);
  const incident = store.projection(input.incidentId, incidentProjection);
  if (!incident) throw new DomainError('conflict', `Incident ${input.incidentId} has no readable declaration.`);
  const service = await catalogue.get(input.service);
  if (!service.git || !service.deploy) throw new DomainError('validation', `Service ${service.name} has no git repository and deploy ref configured.`);
  const until = new Date(input.until ?? incident.resolvedAt ?? now().toISOString());
  const ref = deployRef(service.deploy);
  const repo = new GitRepo(service.git.clonePath, service.git.remote.name);
  const fail = (e: unknown): never => {
    throw planningError(e, repo.cwd);
  };
  let since = new Date(input.since ?? Date.parse(incident.declaredAt) - DEFAULT_LOOKBACK_MS);
  if (input.since === undefined) {
    // The default window reaches back to the last releases before the declaration, whatever their age.
    const head = await repo.remoteRef(ref).catch(fail);
    if (head) {
      await repo.fetchRef(ref).catch(fail);
      const headSha = await repo.commitOf(head).catch(fail);
      const releases = await releasesBefore(repo, headSha, service.deploy.releaseTagPattern, new Date(incident.declaredAt), RELEASES_BEFORE_INCIDENT).catch(fail);
      const oldest = releases.at(-1);
      // One second earlier: git's --since compares whole seconds.
      if (oldest && Date.parse(oldest.committedAt) - 1000 < since.getTime()) since = new Date(Date.parse(oldest.committedAt) - 1000);
    }
  }
  if (since >= until) throw new DomainError('validation', `The window is empty: ${since.toISOString()} is not before ${until.toISOString()}.`);
  const history = await readDeployHistory(repo, ref, { since, until }).catch(fail);
  if (!history) throw new DomainError('not_found', `The remote "${repo.remote}" has no ${ref}.`);

  // Read after the git calls (the scan it replaces read the log before them): an import that landed meanwhile is not appended twice.
  const { shas: knownShas, tags: knownTags } = store.projection(input.incidentId, knownGitRefsProjection);
  const branch = service.deploy.branch ?? service.deploy.tag!;
  const toAppend: NewEvent[] = [];
  let tagsImported = 0;
  for (const c of [...history.commits].reverse()) {
    // The envelope's ts stays the time it reached the timeline; the commit's own date is when it happened.
    const committedAt = new Date(c.committedAt).toISOString();
    if (!knownShas.has(c.sha)) {
      toAppend.push({ type: 'git.commit', actor, payload: { service: service.name, sha: c.sha, author: c.author, message: c.message.slice(0, 4000), branch, committedAt } });
    }
    for (const tag of c.tags) {
      if (knownTags.has(`${tag}@${c.sha}`)) continue;
      toAppend.push({ type: 'git.tag', actor, payload: { service: service.name, tag, sha: c.sha, branch, committedAt } });
      tagsImported++;
    }
  }
  if (toAppend.length > 0) await store.append(input.incidentId, toAppend);
  const imported = toAppend.filter((e) => e.type === 'git.commit').length;
  return {
    service: service.name,
    ref,
    since: since.toISOString(),
    until: until.toISOString(),
    commits: history.commits,
    imported,
    alreadyOnTimeline: history.commits.length - imported,
    tagsImported,
  };
}
