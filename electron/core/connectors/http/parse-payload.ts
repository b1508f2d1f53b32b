// Checks a connector response against the zod schema of what we consume; a mismatch names the endpoint and the field.
import type { z } from 'zod';
import { ConnectorError } from './connector-error';

export function parsePayload<S extends z.ZodType>(schema: S, body: unknown, endpoint: string, product: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new ConnectorError('unavailable', `${product} answered ${endpoint} with an unexpected payload at ${details[0]}.`, 'payload', endpoint, undefined, details);
}
