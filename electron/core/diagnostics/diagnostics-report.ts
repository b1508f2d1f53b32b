// The "Copy diagnostics" text: versions, platform, data directory, capabilities, configuration without secrets and the
// last log lines — redacted as a whole before it leaves the core, so it can be pasted into a support ticket as is.
import { arch, release } from 'node:os';
import type { AppInfo } from '../../../shared/ipc';
import type { AppLog } from './app-log';

export const DIAGNOSTICS_LOG_LINES = 200;

export interface DiagnosticsSources {
  info: () => Promise<AppInfo>;
  /** Configured connectors and services, without secret values (each section its own object). */
  configuration: () => Promise<Record<string, unknown>>;
  log: AppLog;
  platform?: { os: string; arch: string; release: string; versions: Partial<Record<string, string>> };
  now?: () => Date;
}

function section(title: string, body: string): string {
  return `## ${title}\n${body.trimEnd()}\n`;
}

/** Collects a section's content, or says why it could not be, so one broken file never hides the rest of the report. */
async function attempt<T>(read: () => Promise<T>): Promise<T | { unavailable: string }> {
  try {
    return await read();
  } catch (e) {
    return { unavailable: e instanceof Error ? e.message : String(e) };
  }
}

export async function diagnosticsReport(sources: DiagnosticsSources): Promise<{ text: string; logFile: string }> {
  const platform = sources.platform ?? { os: process.platform, arch: arch(), release: release(), versions: process.versions };
  const info = await attempt(sources.info);
  const configuration = await attempt(sources.configuration);
  const lines = await attempt(() => sources.log.tail(DIAGNOSTICS_LOG_LINES));
  const now = (sources.now ?? (() => new Date()))();

  const about =
    'unavailable' in info
      ? `app.info failed: ${info.unavailable}`
      : [
          `Firebreak ${info.version} (${info.mode} mode)`,
          `Data directory: ${info.dataDir}`,
          `Capabilities: ${info.capabilities.length > 0 ? info.capabilities.join(', ') : 'none'}`,
        ].join('\n');
  const runtime = [
    `Platform: ${platform.os} ${platform.arch} ${platform.release}`,
    `Node: ${platform.versions.node ?? 'unknown'}`,
    `Electron: ${platform.versions.electron ?? 'not running under Electron (browser host)'}`,
    `Chrome: ${platform.versions.chrome ?? 'n/a'}`,
  ].join('\n');
  const logBody =
    'unavailable' in lines
      ? `The log could not be read: ${lines.unavailable}`
      : lines.length === 0
        ? '(no log lines yet)'
        : lines.join('\n');
  const failures = sources.log.writeFailures > 0 ? `\n${sources.log.writeFailures} log line(s) could not be written (disk full or no permission?).` : '';

  const text = [
    `# Firebreak diagnostics — ${now.toISOString()}`,
    section('Application', about),
    section('Runtime', runtime),
    section('Configuration (secrets are never included)', JSON.stringify(sources.log.redactor.redactValue(configuration), null, 2)),
    section(`Log (${sources.log.file}, last ${DIAGNOSTICS_LOG_LINES} lines)`, logBody + failures),
  ].join('\n');
  return { text: sources.log.redactor.redactText(text), logFile: sources.log.file };
}
