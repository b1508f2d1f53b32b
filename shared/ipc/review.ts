// IPC contract for the post-incident review: the generated/saved review document and review-bundle export/import.
import { z } from 'zod';
import { IncidentEvent } from '../events';
import { request } from './define';
import { IncidentId } from './incidents';
import { BundleSignatureView } from './signing';

const BundleContent = z.string().min(1).max(60 * 1024 * 1024);

export const reviewContract = {
  'review.get': request(
    'The generated review draft and the last saved version',
    z.object({ incidentId: IncidentId }),
    z.object({ generated: z.string(), saved: z.object({ markdown: z.string(), savedAt: z.string(), by: z.string() }).optional() }),
  ),
  'review.save': request('Save the edited review', z.object({ incidentId: IncidentId, markdown: z.string().trim().min(1).max(200_000) }), IncidentEvent),
  'review.exportBundle': request(
    'Export the incident as a single self-contained review file',
    z.object({ incidentId: IncidentId }),
    z.object({ fileName: z.string(), content: z.string(), bytes: z.number() }),
  ),
  'review.inspectBundle': request(
    'Check a review bundle before importing it: its integrity, and who signed it (refused when the signature does not match)',
    z.object({ content: BundleContent }),
    z.object({ incidentId: z.string(), title: z.string(), exportedAt: z.string(), eventCount: z.number(), signature: BundleSignatureView }),
  ),
  'review.importBundle': request(
    'Import a review bundle; refuses a bad signature, and to overwrite an existing incident unless asked to import a copy',
    z.object({ content: BundleContent, asCopy: z.boolean().default(false) }),
    z.object({ incidentId: IncidentId, signature: BundleSignatureView }),
  ),
};
