// IPC contract for who is using this installation: their name and handle (set on first run, changeable in Settings) and the device id.
import { z } from 'zod';
import { request } from './define';

export const PersonName = z.string().trim().min(1, 'Enter your name').max(120);
export const Handle = z
  .string()
  .trim()
  .min(2, 'A handle has at least 2 characters')
  .max(40)
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'A handle uses letters, digits, dot, dash and underscore, e.g. "ana.k"');
export const DeviceId = z.string().regex(/^dev_[a-z2-7]{16}$/, 'A device id looks like dev_ followed by 16 letters and digits');

export const IdentityView = z.object({
  /** Unset on first run (nothing saved yet) and no --operator/FIREBREAK_OPERATOR given: the renderer asks for it. */
  name: z.string().optional(),
  handle: z.string().optional(),
  deviceId: DeviceId,
  /** Where the name comes from: the saved identity, the --operator/FIREBREAK_OPERATOR override, or nothing yet. */
  source: z.enum(['saved', 'override', 'unset']),
  /** Why the saved identity file could not be used, when it is broken (the user saves it again to repair it). */
  problem: z.string().optional(),
});
export type IdentityView = z.infer<typeof IdentityView>;

export const identityContract = {
  'identity.get': request('Who uses this installation (name, handle) and its device id', z.object({}), IdentityView),
  'identity.save': request('Set your name and handle on this installation', z.object({ name: PersonName, handle: Handle }), IdentityView),
};
