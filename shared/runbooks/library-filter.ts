// Filtering the runbook library by service, severity and tag, and the facet values the library browser offers.
import type { Severity } from '../incidents/severity';
import { severities } from '../incidents/severity';
import type { RunbookSummary } from './runbook';

export interface RunbookFilter {
  service?: string;
  severity?: Severity;
  tag?: string;
}

export interface RunbookFacets {
  services: string[];
  severities: Severity[];
  tags: string[];
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export function matchesFilter(runbook: RunbookSummary, filter: RunbookFilter): boolean {
  if (filter.service && !runbook.services.some((s) => same(s, filter.service!))) return false;
  if (filter.severity && !runbook.severities.includes(filter.severity)) return false;
  if (filter.tag && !runbook.tags.some((t) => same(t, filter.tag!))) return false;
  return true;
}

export function facetsOf(runbooks: readonly RunbookSummary[]): RunbookFacets {
  const services = new Set<string>();
  const tags = new Set<string>();
  const sevs = new Set<Severity>();
  for (const r of runbooks) {
    r.services.forEach((s) => services.add(s));
    r.tags.forEach((t) => tags.add(t));
    r.severities.forEach((s) => sevs.add(s));
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { services: sorted(services), severities: severities.filter((s) => sevs.has(s)), tags: sorted(tags) };
}
