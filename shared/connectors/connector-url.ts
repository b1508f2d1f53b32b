// The URL a connector is pointed at: https, or plain http only on this machine (local stand-ins and tunnels).
import { z } from 'zod';

/** Site URL: https, or http only on this machine (local stand-ins). */
export const ConnectorUrl = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(500)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
    } catch {
      return false;
    }
  }, 'Use the full https:// address, e.g. https://acme.atlassian.net');
