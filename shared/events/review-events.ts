// Events of the post-incident review: the edited review document and imports of review bundles.
import { z } from 'zod';
import { eventOf } from './envelope';

export const ReviewSaved = eventOf('review.saved', z.object({ markdown: z.string().min(1).max(200_000) }));

export const reviewEventSchemas = [ReviewSaved] as const;
