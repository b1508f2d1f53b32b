// Publishing several audiences at once: each draft is rendered by the core, the local channels (clipboard, Markdown file)
// run here, then one call records every audience and queues its outbox deliveries; each audience succeeds or fails alone.
import { useState } from 'react';
import type { Audience, UpdateChannel, UpdateFormat } from '../../../../shared/events';
import type { UpdateDraft } from '../../../../shared/ipc/updates';
import { downloadText } from '../../review/download';
import { copyText } from '../../ui/clipboard';
import { effectiveDraft, type DraftEdit } from './draft-state';
import type { AudienceOutcome } from './PublishBar';
import { useUpdateMutations } from './update-queries';

interface Rendered {
  audience: Audience;
  source: string;
  text: string;
  plainText: string;
  renderedAt: string;
}

const fileName = (incidentId: string, audience: Audience, at: string) => `${incidentId}-${audience}-${at.slice(0, 16).replace(/[:T]/g, '')}.md`;

export function usePublishAll(incidentId: string, labels: Record<Audience, string>) {
  const { render, publishMany, refresh } = useUpdateMutations(incidentId);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<AudienceOutcome[]>();

  async function publish(drafts: readonly { audience: Audience; data: UpdateDraft; edit: DraftEdit | undefined }[], channels: UpdateChannel[], format: UpdateFormat): Promise<Audience[]> {
    setBusy(true);
    setOutcomes(undefined);
    const failed: AudienceOutcome[] = [];
    try {
      const ready: Rendered[] = [];
      for (const { audience, data, edit } of drafts) {
        const source = effectiveDraft(data, edit).text;
        try {
          const rendered = await render({ audience, source });
          if (rendered.text === undefined) failed.push({ audience, error: `the draft has problems (${rendered.problems[0]?.message ?? 'see the draft'})` });
          else ready.push({ audience, source, text: rendered.text, plainText: rendered.plainText ?? rendered.text, renderedAt: rendered.renderedAt });
        } catch (e) {
          failed.push({ audience, error: (e as Error).message });
        }
      }
      if (ready.length === 0) {
        setOutcomes(failed);
        return [];
      }
      if (channels.includes('clipboard')) {
        const body = (r: Rendered) => (format === 'plain' ? r.plainText : r.text);
        const joined = ready.length === 1 ? body(ready[0]!) : ready.map((r) => `${format === 'plain' ? labels[r.audience].toUpperCase() : `## ${labels[r.audience]}`}\n\n${body(r)}`).join('\n\n');
        try {
          await copyText(joined);
        } catch (e) {
          setOutcomes([...failed, ...ready.map((r) => ({ audience: r.audience, error: `could not copy to the clipboard (${(e as Error).message}); nothing was published` }))]);
          return [];
        }
      }
      if (channels.includes('markdown_file')) for (const r of ready) downloadText(fileName(incidentId, r.audience, r.renderedAt), r.text, 'text/markdown');
      const { results } = await publishMany({
        channels,
        format,
        items: ready.map((r) => ({ audience: r.audience, source: r.source, renderedAt: r.renderedAt, expectedText: r.text })),
      });
      const done = results.map((r): AudienceOutcome => (r.published ? { audience: r.audience, deliveries: r.published.deliveries } : { audience: r.audience, error: r.error?.message ?? 'refused' }));
      setOutcomes([...done, ...failed]);
      return results.filter((r) => r.published).map((r) => r.audience);
    } catch (e) {
      setOutcomes([...failed, ...drafts.filter((d) => !failed.some((f) => f.audience === d.audience)).map((d) => ({ audience: d.audience, error: (e as Error).message }))]);
      return [];
    } finally {
      refresh();
      setBusy(false);
    }
  }

  return { publish, busy, outcomes };
}
