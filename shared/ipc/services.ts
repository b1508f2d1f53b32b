// IPC contract for the service catalogue: list, add or replace, and remove service entries (stored in <dataDir>/services.json).
import { z } from 'zod';
import { ServiceName } from '../events/incident-events';
import { ServiceConfig } from '../services/service-config';
import { request } from './define';

export const ServicesListing = z.object({
  services: z.array(ServiceConfig),
  file: z.string(),
  /** Set when the file exists but is invalid; the list is then empty and the file is left as it is. */
  problem: z.object({ message: z.string(), details: z.array(z.string()) }).optional(),
});
export type ServicesListing = z.infer<typeof ServicesListing>;

export const servicesContract = {
  'services.list': request('The configured services, or the problem that makes services.json unusable', z.object({}), ServicesListing),
  'services.put': request(
    'Add a service or replace the entry with the same name (validated; unknown keys are kept)',
    z.object({ service: z.record(z.string(), z.unknown()) }),
    ServiceConfig,
  ),
  'services.remove': request('Remove a service from the catalogue', z.object({ name: ServiceName }), z.object({})),
};
