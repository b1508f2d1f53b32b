// The commander's first minutes on a 13-inch laptop (1366×768), in both themes: what matters is above the fold, the
// composer is wide and one key away, timeline rows never overlap through a burst of events, filter changes and a resize,
// and axe finds nothing.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openCockpit, test, waitForCockpit, rpc } from './fixtures';

const viewport = { width: 1366, height: 768 };

type Box = { y: number; height: number; seq: string | null };

/** Every rendered timeline row's box, top to bottom. */
async function rowBoxes(page: Page): Promise<Box[]> {
  return page.locator('[data-pane="timeline"] .timeline [role="listitem"]').evaluateAll((items) =>
    items
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { y: r.top, height: r.height, seq: el.querySelector('[data-seq]')?.getAttribute('data-seq') ?? null };
      })
      .sort((a, b) => a.y - b.y),
  );
}

/** Pairs of rows that overlap (by more than half a pixel, for sub-pixel rounding). */
function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 1; i < boxes.length; i++) {
    const prev = boxes[i - 1]!;
    const next = boxes[i]!;
    if (prev.y + prev.height > next.y + 0.5) found.push(`#${prev.seq} [${prev.y}+${prev.height}] over #${next.seq} [${next.y}]`);
  }
  return found;
}

async function expectNoOverlap(page: Page, minRows: number) {
  await expect
    .poll(async () => {
      const boxes = await rowBoxes(page);
      return boxes.length >= minRows ? overlaps(boxes) : [`only ${boxes.length} rows rendered`];
    })
    .toEqual([]);
}

/** Fully inside the window and inside every scrolling ancestor, so it is seen without scrolling anything. */
async function expectAboveTheFold(locator: Locator) {
  await expect(locator).toBeVisible();
  const clipped = await locator.evaluate((el) => {
    const view = el.ownerDocument.defaultView!;
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > view.innerHeight + 0.5 || r.right > view.innerWidth + 0.5) return `outside the window: ${JSON.stringify(r)}`;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = view.getComputedStyle(p);
      if (!/(auto|scroll|hidden)/.test(style.overflowY + style.overflowX)) continue;
      const c = p.getBoundingClientRect();
      if (r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) return `clipped by ${p.className}: ${r.top}-${r.bottom} in ${c.top}-${c.bottom}`;
    }
    return '';
  });
  expect(clipped).toBe('');
}

for (const scheme of ['dark', 'light'] as const) {
  test(`a live SEV1 at 1366×768 (${scheme}): above the fold, composer, rows that never overlap, axe clean`, async ({ page, host }) => {
    // 50 appends, several re-layouts and two axe runs: generous on a shared 2-core machine.
    test.setTimeout(480_000);
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const incident = await rpc<{ id: string }>(host, 'incidents.declare', {
      title: 'Checkout 5xx after payments deploy',
      severity: 'SEV1',
      commander: 'ana.ruiz',
      services: ['checkout', 'payments'],
    });
    const library = await rpc<{ runbooks: { id: string; title: string }[] }>(host, 'runbooks.list', {});
    const runbook = library.runbooks.find((r) => /deploy/i.test(r.title)) ?? library.runbooks[0]!;
    await rpc(host, 'runbooks.attach', { incidentId: incident.id, runbookId: runbook.id });
    await openCockpit(page, host.url);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('button', { name: /Checkout 5xx after payments deploy/ }).click();
    const header = page.getByTestId('incident-header');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(header.getByRole('heading', { name: 'Checkout 5xx after payments deploy' })).toBeVisible();

    // A burst of 50 events of mixed length arriving at once, as during an outage (the core group-commits them).
    await Promise.all(
      Array.from({ length: 50 }, (_, k) => {
        const i = k + 1;
        const text = i % 7 === 0 ? `Burst ${i}: ${'error rate still climbing on checkout-api pods in eu-west-1, '.repeat(3)}` : `Burst ${i}: p99 ${400 + i} ms`;
        return rpc(host, 'incidents.addNote', { incidentId: incident.id, text, kind: i % 5 === 0 ? 'observation' : 'note' });
      }),
    );
    await expect(timeline.locator('.pane-meta')).toHaveText('52 events', { timeout: 30_000 });
    await expectNoOverlap(page, 8);

    // The composer: full width, one key away, Enter adds, the kind typed as a prefix.
    const composer = timeline.getByLabel('Quick note');
    const paneWidth = (await timeline.boundingBox())!.width;
    expect((await composer.boundingBox())!.width).toBeGreaterThanOrEqual(paneWidth / 2);
    await page.getByTestId('incident-header').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await expect(composer).toBeFocused();
    await page.keyboard.type('d: roll back payments to 2.13');
    await page.keyboard.press('Enter');
    await expect(composer).toHaveValue('');
    const decision = timeline.locator('.timeline .timeline-entry', { hasText: 'roll back payments to 2.13' });
    await expect(decision.locator('.kind-badge')).toHaveText('decision');
    await expect(decision).not.toContainText('d: roll back');

    // Above the fold: what is broken, severity and status, commander, elapsed, next update, alert state, the current
    // checklist step and the latest 8 timeline events.
    await expectAboveTheFold(header.getByRole('heading', { name: 'Checkout 5xx after payments deploy' }));
    await expectAboveTheFold(header.getByRole('button', { name: 'SEV1' }));
    await expectAboveTheFold(header.getByLabel('Status'));
    await expectAboveTheFold(header.getByText('ana.ruiz'));
    await expectAboveTheFold(header.getByTestId('elapsed'));
    await expectAboveTheFold(header.getByTestId('next-update'));
    await expectAboveTheFold(header.getByTestId('alert-state'));
    await expectAboveTheFold(page.getByRole('region', { name: 'Runbooks' }).getByTestId('current-step'));
    await expectAboveTheFold(timeline.locator('.timeline [role="listitem"]').nth(7));
    // While live, the review tools are folded away: no playback bar.
    await expect(page.getByRole('button', { name: /Review playback/ })).toBeHidden();

    // Filter changes re-lay the rows without overlap.
    await timeline.getByLabel('Search timeline').fill('burst');
    await expectNoOverlap(page, 8);
    await timeline.getByText('Filters').click();
    await timeline.getByLabel('Filter by kind').selectOption('observation');
    await expect(timeline.locator('.pane-meta')).toHaveText('10 of 53 events');
    await expectNoOverlap(page, 8);
    await timeline.getByRole('button', { name: 'Clear filters' }).click();
    await timeline.getByLabel('Search timeline').fill('');
    await timeline.getByText('Filters').click();
    await expectNoOverlap(page, 8);

    // A narrower window re-wraps long rows: they are re-measured, still without overlap.
    await page.setViewportSize({ width: 1100, height: 768 });
    await expectNoOverlap(page, 8);
    await page.setViewportSize(viewport);
    await expectNoOverlap(page, 8);

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);

    // The README's pictures are of the bundled demo (cockpit.spec.ts); this one is kept with the run's results.
    await page.screenshot({ path: test.info().outputPath(`cockpit-1366-${scheme}.png`) });
  });
}

test('panes collapse, maximise and keep their layout across a reload', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(viewport);
  await rpc(host, 'incidents.declare', { title: 'Search latency', severity: 'SEV2', commander: 'kai', services: [] });
  await openCockpit(page, host.url);
  const rollback = page.getByRole('region', { name: 'Rollback' });
  await rollback.getByRole('button', { name: 'Collapse Rollback' }).click();
  await expect(rollback.getByRole('button', { name: 'Expand Rollback' })).toBeVisible();
  await expect.poll(async () => (await rollback.boundingBox())!.height).toBeLessThan(60);

  await page.getByRole('region', { name: 'Live metrics' }).getByRole('button', { name: 'Maximise Live metrics' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' })).toHaveCount(0);
  expect((await page.getByRole('region', { name: 'Live metrics' }).boundingBox())!.width).toBeGreaterThan(1000);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();

  await page.reload();
  await waitForCockpit(page);
  await expect(page.getByRole('region', { name: 'Rollback' }).getByRole('button', { name: 'Expand Rollback' })).toBeVisible();
});
