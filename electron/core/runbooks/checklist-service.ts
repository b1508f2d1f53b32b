// Runbook checklists in incidents: attaching a runbook (snapshot of its steps) and every step change, as events in the incident log.
import type { NewEvent } from '../../../shared/events';
import type { ParsedInputOf } from '../../../shared/ipc';
import { stepChangeProblem, type RunbookChecklist } from '../../../shared/runbooks/checklist';
import { alertRunbookLinksProjection, checklistProjection } from '../../../shared/projections/domain-projections';
import type { AlertRunbookOffer } from '../../../shared/ipc/runbooks';
import { suggestionsFrom } from '../../../shared/runbooks/alert-runbooks';
import { DomainError } from '../../../shared/result';
import type { IncidentStore } from '../store/incident-store';
import type { RunbookLibrary } from './runbook-library';

type StepInput = ParsedInputOf<'runbooks.checkStep'>;
type StepChange = 'check' | 'uncheck' | 'skip' | 'assign' | 'note';

export class ChecklistService {
  /** Per-incident chain so a step change is validated and appended without another change slipping in between. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: IncidentStore,
    private readonly library: RunbookLibrary,
    private readonly operator: () => string,
  ) {}

  private locked<T>(incidentId: string, task: () => Promise<T>): Promise<T> {
    const run = (this.locks.get(incidentId) ?? Promise.resolve()).then(task, task);
    this.locks.set(incidentId, run.catch(() => undefined));
    return run;
  }

  checklists(incidentId: string): RunbookChecklist[] {
    return this.store.projection(incidentId, checklistProjection);
  }

  /**
   * The runbooks the incident's alerts link to, not attached yet: the incremental alert-links projection (only events appended
   * since the last request are folded, never the whole log) matched against the library as last scanned. The library's own
   * rescans announce runbooks.libraryChanged, which the renderer refetches this on.
   */
  async alertOffers(incidentId: string): Promise<{ offers: AlertRunbookOffer[] }> {
    await this.library.ready();
    // Read after the wait and used at once: the fold is live state that the next read advances.
    const links = this.store.projection(incidentId, alertRunbookLinksProjection);
    const offers = suggestionsFrom(links, this.library.summaries()).map(({ runbook, alertname, url }) => ({ runbookId: runbook.id, title: runbook.title, alertname, url }));
    return { offers };
  }

  private checklist(incidentId: string, runbookId: string): RunbookChecklist {
    const found = this.checklists(incidentId).find((l) => l.runbookId === runbookId);
    if (!found) throw new DomainError('internal', `The checklist for ${runbookId} is missing after it was written.`);
    return found;
  }

  attach(input: ParsedInputOf<'runbooks.attach'>): Promise<RunbookChecklist> {
    return this.locked(input.incidentId, async () => {
      await this.library.ready();
      if (this.checklists(input.incidentId).some((l) => l.runbookId === input.runbookId)) {
        throw new DomainError('conflict', `${input.runbookId} is already attached to this incident.`);
      }
      const { summary, file } = this.library.entry(input.runbookId);
      if (file.parsed.steps.length === 0) {
        throw new DomainError(
          'validation',
          `${summary.title} has no steps to check off; add "- [ ] …" checklist items or numbered steps to ${summary.path}.`,
        );
      }
      await this.store.append(input.incidentId, [
        {
          type: 'runbook.attached',
          actor: this.operator(),
          payload: { runbookId: summary.id, title: summary.title, origin: summary.origin, path: summary.path, version: summary.version, steps: file.parsed.steps },
        },
      ]);
      return this.checklist(input.incidentId, input.runbookId);
    });
  }

  private change(input: StepInput, change: StepChange, event: (ref: StepRef) => NewEvent): Promise<RunbookChecklist> {
    return this.locked(input.incidentId, async () => {
      const lists = this.checklists(input.incidentId);
      const problem = stepChangeProblem(lists, input.runbookId, input.stepId, change);
      if (problem) throw new DomainError(problem.code, problem.message);
      const list = lists.find((l) => l.runbookId === input.runbookId)!;
      const step = list.steps.find((s) => s.id === input.stepId)!;
      await this.store.append(input.incidentId, [event({ runbookId: list.runbookId, runbookTitle: list.title, stepId: step.id, stepText: step.text })]);
      return this.checklist(input.incidentId, input.runbookId);
    });
  }

  check(input: StepInput): Promise<RunbookChecklist> {
    return this.change(input, 'check', (ref) => ({ type: 'runbook.step_checked', actor: this.operator(), payload: ref }));
  }

  uncheck(input: StepInput): Promise<RunbookChecklist> {
    return this.change(input, 'uncheck', (ref) => ({ type: 'runbook.step_unchecked', actor: this.operator(), payload: ref }));
  }

  skip(input: ParsedInputOf<'runbooks.skipStep'>): Promise<RunbookChecklist> {
    return this.change(input, 'skip', (ref) => ({ type: 'runbook.step_skipped', actor: this.operator(), payload: { ...ref, reason: input.reason } }));
  }

  assign(input: ParsedInputOf<'runbooks.assignStep'>): Promise<RunbookChecklist> {
    return this.change(input, 'assign', (ref) => ({ type: 'runbook.step_assigned', actor: this.operator(), payload: { ...ref, owner: input.owner } }));
  }

  note(input: ParsedInputOf<'runbooks.noteStep'>): Promise<RunbookChecklist> {
    return this.change(input, 'note', (ref) => ({ type: 'runbook.step_noted', actor: this.operator(), payload: { ...ref, text: input.text } }));
  }
}

interface StepRef {
  runbookId: string;
  runbookTitle: string;
  stepId: string;
  stepText: string;
}
