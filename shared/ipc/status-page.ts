// IPC contract for the public status page: its settings (title, public address, components, folder or git target).
import { z } from 'zod';
import { StatusPageSettings } from '../status-page/status-page-model';
import { request } from './define';

export const StatusPageSettingsView = z.object({
  settings: StatusPageSettings.optional(),
  /** The settings file, so power users know where it lives. */
  file: z.string(),
  /** Why the saved settings cannot be used, when the file is broken. */
  problem: z.string().optional(),
});
export type StatusPageSettingsView = z.infer<typeof StatusPageSettingsView>;

export const statusPageContract = {
  'statusPage.settings.get': request('The public status page settings', z.object({}), StatusPageSettingsView),
  'statusPage.settings.save': request('Save where the public status page is written and what it lists', StatusPageSettings, StatusPageSettingsView),
};
