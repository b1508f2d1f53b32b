// What "Test connection" reports for a connector: one outcome the settings panel can explain, plus a readable message.
import { z } from 'zod';

export const ConnectionOutcome = z.enum(['ok', 'not_configured', 'bad_url', 'dns', 'unreachable', 'timeout', 'unauthorized', 'forbidden', 'wrong_product', 'error']);
export type ConnectionOutcome = z.infer<typeof ConnectionOutcome>;

export const ConnectionReport = z.object({
  outcome: ConnectionOutcome,
  message: z.string(),
  /** What answered, e.g. "Jira Cloud 1001.0.0 (Acme)". */
  server: z.string().optional(),
  /** Who the credentials belong to, when the product tells us. */
  account: z.string().optional(),
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;
