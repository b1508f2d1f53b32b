// The service form's model: a service catalogue entry as flat form fields and back. The entry being edited is the base,
// so keys the form has no field for (a kill switch, env, other domains' blocks) survive a round trip untouched.

export type Entry = Record<string, unknown>;

export interface CommandDraft {
  command: string;
  /** One argument per line, so arguments with spaces need no quoting. */
  args: string;
  cwd: string;
  timeoutSeconds: string;
}

export interface ServiceDraft {
  name: string;
  clonePath: string;
  remoteName: string;
  remoteUrl: string;
  deployKind: 'branch' | 'tag';
  deployRef: string;
  releaseTagPattern: string;
  revert: boolean;
  moveRef: boolean;
  command: boolean;
  /** Policy: confirming waits for the approval of someone other than the operator. */
  requireApproval: boolean;
  rollbackCommand: CommandDraft;
  forwardCommand: CommandDraft;
  healthPromql: string;
  healthThreshold: string;
  healthWindowSeconds: string;
}

export type ServiceField = keyof ServiceDraft | 'strategies' | 'commandCommand' | 'commandArgs' | 'commandCwd' | 'commandTimeout' | 'forwardCommandCommand';

const obj = (v: unknown): Entry => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Entry) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const strategiesIn = (entry: Entry): Entry[] => (Array.isArray(obj(entry.rollback).strategies) ? (obj(entry.rollback).strategies as unknown[]).map(obj) : []);

const commandDraft = (spec: Entry | undefined): CommandDraft => ({
  command: str(spec?.command),
  args: Array.isArray(spec?.args) ? (spec.args as unknown[]).map(str).join('\n') : '',
  cwd: str(spec?.cwd),
  timeoutSeconds: typeof spec?.timeoutMs === 'number' ? String(spec.timeoutMs / 1000) : '',
});

/** A new service: the name the incident declared (if any), origin, main, v* releases, revert and move-ref. */
export function newServiceEntry(name = ''): Entry {
  return { name, git: { clonePath: '', remote: { name: 'origin' } }, deploy: { branch: 'main', releaseTagPattern: 'v*' }, rollback: { strategies: [{ kind: 'revert' }, { kind: 'move-ref' }] } };
}

export function draftFromEntry(entry: Entry): ServiceDraft {
  const git = obj(entry.git);
  const remote = obj(git.remote);
  const deploy = obj(entry.deploy);
  const strategies = strategiesIn(entry);
  const command = strategies.find((s) => s.kind === 'command');
  const health = obj(entry.health);
  return {
    name: str(entry.name),
    clonePath: str(git.clonePath),
    remoteName: str(remote.name) || 'origin',
    remoteUrl: str(remote.url),
    deployKind: deploy.tag !== undefined && deploy.branch === undefined ? 'tag' : 'branch',
    deployRef: str(deploy.branch ?? deploy.tag),
    releaseTagPattern: str(deploy.releaseTagPattern),
    revert: strategies.some((s) => s.kind === 'revert'),
    moveRef: strategies.some((s) => s.kind === 'move-ref'),
    command: !!command,
    requireApproval: obj(entry.rollback).requireApproval === true,
    rollbackCommand: commandDraft(command),
    forwardCommand: commandDraft(command?.forward ? obj(command.forward) : undefined),
    healthPromql: str(health.promql),
    healthThreshold: str(health.threshold),
    healthWindowSeconds: str(health.windowSeconds),
  };
}

/** Sets `key` when `value` is given, removes it otherwise; returns a copy. */
function setOrDrop(target: Entry, key: string, value: unknown): Entry {
  const next = { ...target };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

const trimmed = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);
/** A number typed into a text field; text that is not a number is passed on as typed, so the core names the field. */
const numeric = (s: string): number | string | undefined => (s.trim() ? (Number.isFinite(Number(s)) ? Number(s) : s.trim()) : undefined);

function commandSpec(draft: CommandDraft, base: Entry): Entry | undefined {
  if (!draft.command.trim()) return undefined;
  let spec: Entry = { ...base, command: draft.command.trim(), args: draft.args.split('\n').map((a) => a.trim()).filter(Boolean) };
  spec = setOrDrop(spec, 'cwd', trimmed(draft.cwd));
  const seconds = numeric(draft.timeoutSeconds);
  return setOrDrop(spec, 'timeoutMs', typeof seconds === 'number' ? Math.round(seconds * 1000) : seconds);
}

/** The entry the form describes, laid over `base` so fields the form does not show are kept as they were. */
export function entryFromDraft(draft: ServiceDraft, base: Entry = {}): Entry {
  let entry: Entry = { ...base, name: draft.name.trim() };

  const baseGit = obj(base.git);
  const git = trimmed(draft.clonePath) || trimmed(draft.remoteUrl) || baseGit.clonePath !== undefined
    ? { ...baseGit, clonePath: draft.clonePath.trim(), remote: setOrDrop({ ...obj(baseGit.remote), name: draft.remoteName.trim() || 'origin' }, 'url', trimmed(draft.remoteUrl)) }
    : undefined;
  entry = setOrDrop(entry, 'git', git);

  const baseDeploy = obj(base.deploy);
  let deploy: Entry | undefined;
  if (trimmed(draft.deployRef) || trimmed(draft.releaseTagPattern)) {
    deploy = { ...baseDeploy };
    delete deploy.branch;
    delete deploy.tag;
    deploy = setOrDrop(deploy, draft.deployKind, trimmed(draft.deployRef));
    deploy = setOrDrop(deploy, 'releaseTagPattern', trimmed(draft.releaseTagPattern));
  }
  entry = setOrDrop(entry, 'deploy', deploy);

  // Strategies keep the base's order and any the form does not edit (a kill switch); checkboxes add or remove the others.
  const baseStrategies = strategiesIn(base);
  const wanted: Record<string, boolean> = { revert: draft.revert, 'move-ref': draft.moveRef, command: draft.command };
  const strategies: Entry[] = [];
  const baseCommand = baseStrategies.find((s) => s.kind === 'command') ?? {};
  const command = (): Entry => {
    const spec = { ...(commandSpec(draft.rollbackCommand, baseCommand) ?? { ...baseCommand, command: '' }), kind: 'command' };
    return setOrDrop(spec, 'forward', commandSpec(draft.forwardCommand, obj(baseCommand.forward)));
  };
  for (const s of baseStrategies) {
    const kind = str(s.kind);
    if (!(kind in wanted)) strategies.push(s);
    else if (wanted[kind]) strategies.push(kind === 'command' ? command() : s);
  }
  for (const kind of ['revert', 'move-ref', 'command'] as const) {
    if (wanted[kind] && !baseStrategies.some((s) => s.kind === kind)) strategies.push(kind === 'command' ? command() : { kind });
  }
  const { requireApproval: _previous, ...rollbackRest } = obj(base.rollback);
  entry = setOrDrop(entry, 'rollback', strategies.length > 0 ? { ...rollbackRest, strategies, ...(draft.requireApproval ? { requireApproval: true } : {}) } : undefined);

  let health: Entry | undefined;
  if (trimmed(draft.healthPromql) || trimmed(draft.healthThreshold)) {
    health = { ...obj(base.health), promql: draft.healthPromql.trim() };
    health = setOrDrop(health, 'threshold', numeric(draft.healthThreshold));
    health = setOrDrop(health, 'windowSeconds', numeric(draft.healthWindowSeconds));
  }
  return setOrDrop(entry, 'health', health);
}

/** Parses the advanced view's text; a clear message instead of an exception when it is not one JSON object. */
export function parseEntryText(text: string): { entry: Entry } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problem: `Not valid JSON: ${(e as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'A service entry is a JSON object with at least a "name".' };
  return { entry: value as Entry };
}

/** Which form field a core error path (e.g. "git.clonePath", "rollback.strategies[2].command") belongs to. */
export function fieldOfPath(path: string): ServiceField | undefined {
  const p = path.replace(/^service\./, '');
  if (p === 'name') return 'name';
  if (p === 'git' || p.startsWith('git.clonePath')) return 'clonePath';
  if (p.startsWith('git.remote.url')) return 'remoteUrl';
  if (p.startsWith('git.remote')) return 'remoteName';
  if (p.startsWith('deploy.releaseTagPattern')) return 'releaseTagPattern';
  if (p.startsWith('deploy')) return 'deployRef';
  if (p.startsWith('health.promql') || p === 'health') return 'healthPromql';
  if (p.startsWith('health.threshold')) return 'healthThreshold';
  if (p.startsWith('health.windowSeconds')) return 'healthWindowSeconds';
  const command = /^rollback\.strategies\[\d+\]\.(forward\.)?(command|args|cwd|timeoutMs)/.exec(p);
  if (command) return command[1] ? 'forwardCommandCommand' : ({ command: 'commandCommand', args: 'commandArgs', cwd: 'commandCwd', timeoutMs: 'commandTimeout' } as const)[command[2] as 'command'];
  if (p.startsWith('rollback')) return 'strategies';
  return undefined;
}

/**
 * The core's validation details ("git.clonePath: The clone path must be absolute") by form field. A detail that is only
 * a path (the bare-clone check) takes the error's message.
 */
export function fieldErrors(error: { message: string; details?: string[] } | undefined): Partial<Record<ServiceField, string>> {
  const out: Partial<Record<ServiceField, string>> = {};
  for (const detail of error?.details ?? []) {
    const split = detail.indexOf(': ');
    const path = split >= 0 ? detail.slice(0, split) : detail;
    const field = fieldOfPath(path);
    if (field && !out[field]) out[field] = split >= 0 ? detail.slice(split + 2) : error!.message;
  }
  return out;
}
