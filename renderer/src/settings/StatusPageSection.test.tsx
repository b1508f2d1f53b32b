// @vitest-environment happy-dom
// Settings → Public status page: saved settings fill the form; switching to a git target saves remote and branch.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusPageSettings } from '../../../shared/status-page/status-page-model';
import { renderWithCore, resetCore } from '../test/render-with-core';
import { StatusPageSection } from './StatusPageSection';

const FILE = '/data/status-page.json';

describe('StatusPageSection', () => {
  afterEach(resetCore);

  it('shows where the page goes, and saves a git target with the components listed', async () => {
    let saved: StatusPageSettings = { title: 'Acme status', components: [], target: { kind: 'folder', path: '/srv/www/status' } };
    const { callsTo } = renderWithCore(<StatusPageSection />, {
      'statusPage.settings.get': () => ({ settings: saved, file: FILE }),
      'statusPage.settings.save': (input) => ((saved = input), { settings: input, file: FILE }),
    });
    expect(await screen.findByText('written to /srv/www/status')).toBeTruthy();
    // The form takes the saved values on the render after they arrive (an effect): wait for it, not for a moment.
    await waitFor(() => expect((screen.getByLabelText('Page title') as HTMLInputElement).value).toBe('Acme status'));
    expect((screen.getByLabelText('Folder (absolute path)') as HTMLInputElement).value).toBe('/srv/www/status');

    fireEvent.click(screen.getByLabelText('A git repository (commit and push)'));
    fireEvent.change(screen.getByLabelText('Git remote'), { target: { value: 'git@example.com:acme/status.git' } });
    fireEvent.change(screen.getByLabelText(/^Components/), { target: { value: 'checkout,  payments , ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save status page settings' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('committed and pushed'));
    expect(callsTo('statusPage.settings.save')).toEqual([
      { title: 'Acme status', components: ['checkout', 'payments'], target: { kind: 'git', remoteUrl: 'git@example.com:acme/status.git', branch: 'gh-pages' } },
    ]);
    expect(await screen.findByText('pushed to gh-pages of git@example.com:acme/status.git')).toBeTruthy();
  });

  it('says when it is not set up, and shows a broken settings file', async () => {
    renderWithCore(<StatusPageSection />, { 'statusPage.settings.get': () => ({ file: FILE, problem: `${FILE} is not valid JSON; save the status page settings again.` }) });
    expect(await screen.findByText('not set up')).toBeTruthy();
    expect(screen.getByText(/is not valid JSON/)).toBeTruthy();
  });
});
