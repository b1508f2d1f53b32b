// IPC contract for settings as a whole: export every non-secret setting as one file, and import such a file (all or nothing).
import { z } from 'zod';
import { configSectionNames } from '../settings/config-file';
import { request } from './define';

const SectionName = z.enum(configSectionNames as [string, ...string[]]);

export const settingsContract = {
  'settings.exportConfig': request(
    'All non-secret settings (connectors, metrics, services, runbook sync, update cadence) as one JSON file',
    z.object({}),
    z.object({ fileName: z.string(), content: z.string(), sections: z.array(SectionName) }),
  ),
  'settings.importConfig': request(
    'Validate every section of a configuration file, then apply them all; nothing is written when any section is invalid',
    z.object({ content: z.string().min(1, 'The file is empty').max(5 * 1024 * 1024, 'A configuration file is at most 5 MB') }),
    z.object({ applied: z.array(SectionName), notes: z.array(z.string()) }),
  ),
};
