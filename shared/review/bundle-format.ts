// The review bundle: one self-contained file holding an incident's log and captured data, opened offline in Firebreak or a browser.
import { z } from 'zod';

export const BUNDLE_FORMAT = 'firebreak-review-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
/** The id of the <script type="application/json"> element that carries the bundle inside the HTML file. */
export const BUNDLE_ELEMENT_ID = 'firebreak-bundle';

export const BundleFile = z.object({
  /** Path inside the incident folder, e.g. metrics/segment-0001.json. */
  path: z
    .string()
    .min(1)
    .max(300)
    .regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'Bundle file paths stay inside the incident folder'),
  base64: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ReviewBundle = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
  exportedAt: z.string(),
  exportedBy: z.string(),
  appVersion: z.string(),
  incident: z.object({ id: z.string(), title: z.string() }),
  /** The event log exactly as stored (JSONL). */
  events: z.string(),
  eventsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  eventCount: z.number().int().nonnegative(),
  chainHead: z.string(),
  files: z.array(BundleFile),
  /** The exporter's Ed25519 signature over everything above (see bundleSigningText); absent in bundles from older versions. */
  signature: z.object({ alg: z.literal('ed25519'), signer: z.string().max(200), publicKey: z.string().max(200), value: z.string().max(200) }).optional(),
});
export type ReviewBundle = z.infer<typeof ReviewBundle>;

/** Pulls the bundle JSON out of an exported HTML file (or accepts the bare JSON). Undefined when there is none. */
export function extractBundleJson(content: string): string | undefined {
  const trimmed = content.trimStart();
  if (trimmed.startsWith('{')) return trimmed;
  const open = new RegExp(`<script[^>]*id="${BUNDLE_ELEMENT_ID}"[^>]*>`).exec(content);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const end = content.indexOf('</script>', start);
  return end === -1 ? content.slice(start) : content.slice(start, end);
}

/** Embeds JSON in HTML safely: "<" is escaped so no "</script>" can end the element early. */
export const jsonForHtml = (json: string): string => json.replace(/</g, '\\u003c');
