// The metrics panel catalogue as form rows and back: per service, its panels (title, PromQL, unit, server, thresholds).
// Panel ids are kept as they are; a new panel gets one made from its title, so nobody has to invent an id.
import type { PanelDefinition } from '../../../../shared/metrics/metrics-config';

export type ThresholdKind = 'warning' | 'critical' | 'slo';

export interface ThresholdDraft {
  value: string;
  label: string;
  kind: ThresholdKind;
}

export interface PanelDraft {
  /** Empty for a new panel until it is saved. */
  id: string;
  title: string;
  promql: string;
  unit: string;
  /** Empty: the first configured Prometheus. */
  serverId: string;
  thresholds: ThresholdDraft[];
}

export interface ServicePanelsDraft {
  service: string;
  panels: PanelDraft[];
}

/** The catalogue as the settings carry it: service name → its panels (numbers may still be text the core will refuse). */
export type PanelCatalogue = Record<string, Record<string, unknown>[]>;

export const emptyPanel = (): PanelDraft => ({ id: '', title: '', promql: '', unit: '', serverId: '', thresholds: [] });

export function draftsFromCatalogue(catalogue: Record<string, readonly Partial<PanelDefinition>[]>): ServicePanelsDraft[] {
  return Object.entries(catalogue).map(([service, panels]) => ({
    service,
    panels: panels.map((p) => ({
      id: p.id ?? '',
      title: p.title ?? '',
      promql: p.promql ?? '',
      unit: p.unit ?? '',
      serverId: p.serverId ?? '',
      thresholds: (p.thresholds ?? []).map((t) => ({ value: String(t.value ?? ''), label: t.label ?? '', kind: t.kind ?? 'warning' })),
    })),
  }));
}

/** A lowercase id from a title ("p99 latency (ms)" → "p99-latency-ms"), unique among `taken`. */
export function panelIdFrom(title: string, taken: ReadonlySet<string>): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 34) || 'panel';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const number = (s: string): number | string => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s.trim());

export function catalogueFromDrafts(drafts: readonly ServicePanelsDraft[]): PanelCatalogue {
  const out: PanelCatalogue = {};
  for (const { service, panels } of drafts) {
    const taken = new Set(panels.map((p) => p.id).filter(Boolean));
    out[service.trim()] = panels.map((p) => {
      const id = p.id || panelIdFrom(p.title, taken);
      taken.add(id);
      return {
        id,
        title: p.title.trim(),
        promql: p.promql.trim(),
        unit: p.unit.trim(),
        ...(p.serverId ? { serverId: p.serverId } : {}),
        thresholds: p.thresholds.map((t) => ({ value: number(t.value), label: t.label.trim(), kind: t.kind })),
      };
    });
  }
  return out;
}

/** Parses the advanced view: one JSON object of service → array of panels. */
export function parseCatalogueText(text: string): { catalogue: PanelCatalogue } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() || '{}');
  } catch (e) {
    return { problem: `The catalogue is not valid JSON: ${(e as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'The catalogue is a JSON object of service name → list of panels.' };
  for (const [service, panels] of Object.entries(value)) {
    if (!Array.isArray(panels) || panels.some((p) => !p || typeof p !== 'object' || Array.isArray(p))) return { problem: `"${service}" must be a list of panel objects.` };
  }
  return { catalogue: value as PanelCatalogue };
}

/** A field's key in the error map: `<service index>.<panel index>.<field>` (threshold fields add `.<threshold index>`). */
export const panelFieldKey = (serviceIndex: number, panelIndex: number, field: string) => `${serviceIndex}.${panelIndex}.${field}`;

/**
 * The core's validation details for the catalogue ("services.checkout.0.promql: A panel needs a PromQL expression") by form
 * field. Details about other settings (servers, Alertmanager) are left to the general error notice.
 */
export function panelFieldErrors(details: readonly string[] | undefined, drafts: readonly ServicePanelsDraft[]): Record<string, string> {
  const out: Record<string, string> = {};
  const services = drafts.map((d) => d.service.trim());
  for (const detail of details ?? []) {
    const split = detail.indexOf(': ');
    if (split < 0 || !detail.startsWith('services.')) continue;
    const path = detail.slice('services.'.length, split);
    const message = detail.slice(split + 2);
    const match = /^(.*)\.(\d+)\.(id|title|promql|unit|serverId|thresholds)(?:\.(\d+)\.(value|label|kind))?/.exec(path);
    const serviceIndex = services.indexOf(match ? match[1]! : path);
    if (serviceIndex < 0) continue;
    const key = match ? panelFieldKey(serviceIndex, Number(match[2]), match[4] !== undefined ? `threshold.${match[4]}.${match[5]}` : match[3]!) : `${serviceIndex}.service`;
    out[key] ??= message;
  }
  return out;
}

/**
 * Problems the form must catch itself because the catalogue cannot even express them: two groups for the same service
 * would collapse into one key, silently losing the first group's panels.
 */
export function duplicateServiceErrors(drafts: readonly ServicePanelsDraft[]): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  drafts.forEach((d, i) => {
    const key = d.service.trim().toLowerCase();
    if (key && seen.has(key)) out[`${i}.service`] = `${d.service.trim()} already has panels above: add these there instead`;
    seen.add(key);
  });
  return out;
}
