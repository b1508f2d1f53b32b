// Test support: an incident that published to customers on the status page, with internal content around it that must never
// reach the page (a hypothesis, a paged person, an executives update and a customers update that skipped the status page).
import { incidentLog, type LogBuilder } from '../updates/incident-log.test-support';

export const INTERNAL_MARKER = 'ZQX-internal-7731';

/** Update text written to break out of HTML, attributes, links and the feed's XML: none of it may reach the page as markup. */
export const HOSTILE = [
  '**Investigating** <script>alert("pwned")</script>',
  '',
  '"><img src=x onerror=alert(1)> \'single\' & <b>bold</b>',
  '[Click for details](javascript:alert(document.cookie)) and <a href="javascript:alert(2)">raw link</a>',
  '',
  ']]></content><script>alert(3)</script> \u0001control',
].join('\n');

export function publishedIncident(options: { customerText?: string; resolve?: boolean } = {}): LogBuilder {
  const log = incidentLog('2026-03-02T10:00:00.000Z', { title: 'Checkout errors', severity: 'SEV1', commander: 'Robin', services: ['checkout', 'payments'] })
    .at(1, { type: 'note.added', payload: { text: `Hypothesis: ${INTERNAL_MARKER} connection pool exhausted`, kind: 'hypothesis' } })
    .at(2, { type: 'note.added', payload: { text: `Paged payments on-call (Lee) ${INTERNAL_MARKER}`, kind: 'action' } })
    .at(3, { type: 'update.published', payload: { audience: 'executives', channel: 'clipboard, statuspage', channels: ['clipboard', 'statuspage'], text: `Exec only ${INTERNAL_MARKER}` } })
    .at(4, { type: 'update.published', payload: { audience: 'customers', channel: 'clipboard', channels: ['clipboard'], text: `Customers, clipboard only ${INTERNAL_MARKER}` } })
    .at(5, {
      type: 'update.published',
      payload: { audience: 'customers', channel: 'statuspage', channels: ['statuspage'], text: options.customerText ?? '**Investigating** — Checkout errors\n\nSome card payments fail.\nWe are on it.' },
    })
    .at(6, { type: 'incident.status_changed', payload: { from: 'investigating', to: 'identified' } })
    .at(7, { type: 'note.added', payload: { text: `ok ${INTERNAL_MARKER}`, kind: 'note' } });
  if (options.resolve) {
    log
      .at(20, { type: 'incident.status_changed', payload: { from: 'identified', to: 'resolved' } })
      .at(20.5, { type: 'update.published', payload: { audience: 'customers', channel: 'statuspage', channels: ['statuspage'], text: '**Resolved** — Checkout errors\n\nAll good now.' } });
  }
  return log;
}
