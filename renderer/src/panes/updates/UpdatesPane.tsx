// Stakeholder updates pane: one overdue line, impact and next step, audience tabs with countdowns, the draft in place, and one
// publish action for several audiences and channels, kept in view at the bottom of the pane.
import type { PaneProps } from '../../playback/pane-moment';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useStepIntentStore } from '../../state/step-intent-store';
import { audiences, type Audience, type UpdateChannel, type UpdateFormat } from '../../../../shared/events';
import type { AudienceCadenceSchema } from '../../../../shared/ipc/updates';
import type { z } from 'zod';
import { useIncident } from '../../api/queries';
import { useNow } from '../../cockpit/use-now';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AudienceDraft } from './AudienceDraft';
import { CadenceSettings } from './CadenceSettings';
import { useDraftEditsStore } from './draft-edits-store';
import { IncidentCadence } from './IncidentCadence';
import { OverdueLine } from './OverdueLine';
import { PublishBar } from './PublishBar';
import { StakeholderFacts } from './StakeholderFacts';
import { usePublishAll } from './use-publish-all';
import { activeReminders, countdownText } from './reminders';
import { useUpdateCadence, useUpdateDrafts, useUpdateFacts, useUpdateMutations } from './update-queries';
import { useNotificationPermission, useReminderNotifications } from './use-reminder-notifications';
import './updates.css';
import { PaneControls } from '../../cockpit/PaneControls';
import { usePaletteCommands } from '../../palette/command-registry';

// Part of the playback chunk: the live cockpit never loads it.
const UpdatesPlayback = lazy(() => import('./UpdatesPlayback').then((m) => ({ default: m.UpdatesPlayback })));

export const audienceLabels: Record<Audience, string> = { executives: 'Executives', customers: 'Customers', support: 'Support', engineers: 'Engineering' };

function countdownChip(entry: z.infer<typeof AudienceCadenceSchema> | undefined, now: number): { text: string; state: string } {
  if (!entry || entry.state === 'off') return { text: 'no cadence', state: 'off' };
  if (entry.state === 'done') return { text: 'final sent', state: 'done' };
  const { text, overdue } = countdownText(entry.dueAt!, now);
  return { text, state: overdue ? 'overdue' : 'scheduled' };
}

export function UpdatesPane({ incidentId, asOf }: PaneProps) {
  if (asOf)
    return (
      <Suspense fallback={<p className="loading">Loading playback…</p>}>
        <UpdatesPlayback state={asOf.state} at={asOf.at} />
      </Suspense>
    );
  return <LiveUpdatesPane incidentId={incidentId} />;
}

function LiveUpdatesPane({ incidentId }: { incidentId: string }) {
  const [audience, setAudience] = useState<Audience>('executives');
  const [selected, setSelected] = useState<Audience[]>(['executives']);
  const { edits, setEdit, clear: clearEdits } = useDraftEditsStore();
  const incident = useIncident(incidentId);
  const cadence = useUpdateCadence(incidentId);
  const facts = useUpdateFacts(incidentId);
  const { acknowledge } = useUpdateMutations(incidentId);
  const drafts = useUpdateDrafts(incidentId, selected);
  const publishing = usePublishAll(incidentId, audienceLabels);
  const now = useNow();
  // The bundled demo is a recorded example: its long-past deadlines are shown on the tabs but never nag.
  const demo = incident.data?.state?.demo === true;
  const reminders = demo ? [] : activeReminders(cadence.data, now);
  const notifications = useNotificationPermission();
  useReminderNotifications(reminders, incident.data?.state?.title ?? incidentId);
  const keyOf = (a: Audience) => `${incidentId}:${a}`;
  // A runbook step's "Draft update": open the draft for the audience the step names, else the one due soonest.
  const intent = useStepIntentStore((s) => s.intent);
  useEffect(() => {
    if (intent?.pane !== 'updates') return;
    const taken = useStepIntentStore.getState().take('updates');
    const next = taken?.audience ?? cadence.data?.next?.audience;
    if (next) setAudience(next);
  }, [intent, cadence.data]);
  usePaletteCommands(
    'updates',
    audiences.map((a) => ({
      id: `publish-${a}`,
      label: `Publish update to ${audienceLabels[a]}…`,
      hint: 'opens the draft, then Publish',
      needs: 'updates.publishMany' as const,
      run: () => {
        setAudience(a);
        setSelected((list) => (list.includes(a) ? list : audiences.filter((x) => x === a || list.includes(x))));
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-pane="updates"] #update-tabpanel textarea, [data-pane="updates"] #update-tabpanel button')?.focus());
      },
    })),
  );

  // Before the first update the impact and next step are asked for; publishing waits for them.
  const needsFacts = facts.data !== undefined && !facts.data.publishedAny && (!facts.data.impact || !facts.data.nextStep);
  const loaded = drafts.every((d) => d.data);
  // Every channel any chosen audience can use (the status page only comes with customers).
  const channels = [...new Map(drafts.flatMap((d) => d.data?.channels ?? []).map((c) => [c.channel, c])).values()];

  async function publish(chosen: UpdateChannel[], format: UpdateFormat) {
    const list = selected.flatMap((a, i) => {
      const data = drafts[i]?.data;
      return data ? [{ audience: a, data, edit: edits[keyOf(a)] }] : [];
    });
    const published = await publishing.publish(list, chosen, format);
    if (published.length > 0) clearEdits(published.map(keyOf));
  }

  return (
    <section className="pane updates-pane" aria-labelledby="updates-title" data-pane="updates">
      <header className="pane-header">
        <h2 id="updates-title">Stakeholder updates</h2>
        <PaneControls pane="updates" title="Stakeholder updates">
          {notifications.canAsk ? (
            <button type="button" className="link-button" onClick={notifications.ask}>
              Enable desktop notifications
            </button>
          ) : null}
        </PaneControls>
      </header>
      <ErrorNotice error={cadence.error ?? facts.error} title="Update cadence could not be loaded" />
      {cadence.data?.policyProblem ? <p className="update-policy-problem">{cadence.data.policyProblem}</p> : null}
      <OverdueLine
        reminders={reminders}
        labels={audienceLabels}
        onDraftAll={(list) => {
          setSelected(audiences.filter((a) => list.includes(a)));
          setAudience(list[0]!);
        }}
        onDismissAll={(list) => list.forEach((r) => acknowledge.mutate({ audience: r.audience, dueAt: r.dueAt }))}
      />
      <ErrorNotice error={acknowledge.error} title="Reminder not dismissed" />
      {facts.data ? <StakeholderFacts incidentId={incidentId} facts={facts.data} /> : null}
      {/* A tab list is one tab stop (the selected tab); arrows, Home and End choose another audience. */}
      <div
        className="audience-tabs"
        role="tablist"
        aria-label="Audience"
        onKeyDown={(e) => {
          const at = audiences.indexOf(audience);
          const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: audiences.length - 1 }[e.key];
          if (to === undefined) return;
          e.preventDefault();
          const next = audiences[(to + audiences.length) % audiences.length]!;
          setAudience(next);
          document.getElementById(`update-tab-${next}`)?.focus();
        }}
      >
        {audiences.map((a) => {
          const chip = countdownChip(
            cadence.data?.audiences.find((c) => c.audience === a),
            now,
          );
          return (
            <button
              key={a}
              type="button"
              role="tab"
              id={`update-tab-${a}`}
              aria-selected={a === audience}
              tabIndex={a === audience ? 0 : -1}
              aria-controls="update-tabpanel"
              className="audience-tab"
              onClick={() => setAudience(a)}
            >
              <span className="audience-name">{audienceLabels[a]}</span>
              <span className={`countdown countdown-${chip.state}`} data-state={chip.state}>
                {chip.text}
              </span>
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="update-tabpanel" aria-labelledby={`update-tab-${audience}`}>
        <AudienceDraft
          key={keyOf(audience)}
          incidentId={incidentId}
          audience={audience}
          edit={edits[keyOf(audience)]}
          onEdit={(edit) => setEdit(keyOf(audience), edit)}
        />
      </div>
      {facts.data ? <IncidentCadence incidentId={incidentId} facts={facts.data} /> : null}
      <CadenceSettings labels={audienceLabels} />
      <PublishBar
        labels={audienceLabels}
        selected={selected}
        onSelect={setSelected}
        channels={channels}
        canPublish={loaded && !needsFacts}
        blockedReason={needsFacts ? 'State the impact and next step first.' : !loaded ? 'Loading the drafts…' : undefined}
        busy={publishing.busy}
        outcomes={publishing.outcomes}
        onPublish={(c, f) => void publish(c, f)}
      />
    </section>
  );
}
