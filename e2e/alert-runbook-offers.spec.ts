// Offers to attach the runbooks an incident's alerts link to, for a windowed incident (FIREBREAK_TIMELINE_WINDOW=10: the
// demo's log is far above it, so the renderer pages its timeline and never holds the log). The demo's alerts link
// …/checkout/latency; a runbook at that path in the local library is offered, attached from the offer, and then not offered.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TITLE } from './demo-incident';
import { expect, openCockpit, screenshotBothThemes, startHost, stopHost, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('a windowed incident offers the runbook its alerts link to, and attaching it from the offer works', async ({ page, dataDir }) => {
  test.setTimeout(180_000);
  mkdirSync(join(dataDir, 'runbooks', 'checkout'), { recursive: true });
  writeFileSync(join(dataDir, 'runbooks', 'checkout', 'latency.md'), '---\ntitle: Checkout latency\n---\n# Checkout latency\n- [ ] Compare p99 with the last deploy\n- [ ] Check the payment provider status\n');
  const host = await startHost(dataDir, { FIREBREAK_TIMELINE_WINDOW: '10' });
  try {
    const wholeLogReads: string[] = [];
    const pages: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (url.endsWith('/api/rpc/timeline.events') && ((JSON.parse(r.postData() ?? '{}') as { afterSeq?: number }).afterSeq ?? 0) === 0) wholeLogReads.push(url);
      if (url.endsWith('/api/rpc/timeline.page')) pages.push(url);
    });
    await openCockpit(page, host.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: DEMO_TITLE }).click();

    const offers = page.getByRole('region', { name: 'Runbooks linked from alerts' });
    await expect(offers.getByText('Alert CheckoutLatencyP99High links the runbook Checkout latency.')).toBeVisible();
    expect(pages.length).toBeGreaterThan(0);
    await screenshotBothThemes(page, page, 'alert-runbook-offers');

    await offers.getByRole('button', { name: 'Attach Checkout latency' }).click();
    const pane = page.getByRole('region', { name: 'Runbooks' });
    await expect(pane.getByRole('heading', { name: /Checkout latency/ })).toBeVisible();
    await expect(offers).toHaveCount(0);
    expect(wholeLogReads).toEqual([]);
  } finally {
    await stopHost(host);
  }
});
