// Stakeholder updates pane: audience tabs with countdowns, reminders when due, and the draft/preview/publish workspace.
import type { PaneProps } from '../../playback/pane-moment';
import { lazy, Suspense, useState } from 'react';
import { audiences, type Audience } from '../../../../shared/events';
import type { AudienceCadenceSchema } from '../../../../shared/ipc/updates';
import type { z } from 'zod';
import { useIncident } from '../../api/queries';
import { useNow } from '../../cockpit/use-now';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AudienceDraft } from './AudienceDraft';
import { CadenceSettings } from './CadenceSettings';
import { ReminderBanner } from './ReminderBanner';
import { activeReminders, countdownText } from './reminders';
import { useUpdateCadence, useUpdateMutations } from './update-queries';
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
  const [edits, setEdits] = useState<Record<string, string | undefined>>({});
  const incident = useIncident(incidentId);
  const cadence = useUpdateCadence(incidentId);
  const { acknowledge } = useUpdateMutations(incidentId);
  const now = useNow();
  // The bundled demo is a recorded example: its long-past deadlines are shown on the tabs but never nag.
  const demo = incident.data?.state?.demo === true;
  const reminders = demo ? [] : activeReminders(cadence.data, now);
  const notifications = useNotificationPermission();
  useReminderNotifications(reminders, incident.data?.state?.title ?? incidentId);
  const editKey = `${incidentId}:${audience}`;
  usePaletteCommands(
    'updates',
    audiences.map((a) => ({
      id: `publish-${a}`,
      label: `Publish update to ${audienceLabels[a]}…`,
      hint: 'opens the draft, then Publish',
      run: () => {
        setAudience(a);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-pane="updates"] #update-tabpanel textarea, [data-pane="updates"] #update-tabpanel button')?.focus());
      },
    })),
  );

  return (
    <section className="pane updates-pane" aria-labelledby="updates-title" data-pane="updates">
      <header className="pane-header">
        <h2 id="updates-title">Stakeholder updates</h2>
        {notifications.canAsk ? (
          <button type="button" className="link-button" onClick={notifications.ask}>
            Enable desktop notifications
          </button>
        ) : null}
        <PaneControls pane="updates" title="Stakeholder updates" />
      </header>
      <ErrorNotice error={cadence.error} title="Update cadence could not be loaded" />
      {cadence.data?.policyProblem ? <p className="update-policy-problem">{cadence.data.policyProblem}</p> : null}
      <ReminderBanner
        reminders={reminders}
        labels={audienceLabels}
        onOpen={setAudience}
        onDismiss={(r) => acknowledge.mutate({ audience: r.audience, dueAt: r.dueAt })}
      />
      <ErrorNotice error={acknowledge.error} title="Reminder not dismissed" />
      <div className="audience-tabs" role="tablist" aria-label="Audience">
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
          key={editKey}
          incidentId={incidentId}
          audience={audience}
          edit={edits[editKey]}
          onEdit={(source) => setEdits((all) => ({ ...all, [editKey]: source }))}
        />
      </div>
      <CadenceSettings labels={audienceLabels} />
    </section>
  );
}
