// The whole IPC contract: every request channel and every pushed event, shared by main, preload, the browser host and the renderer.
import { z } from 'zod';
import { appContract } from './app';
import { reviewContract } from './review';
import { identityContract } from './identity';
import { teamContract } from './team';
import { incidentsContract } from './incidents';
import { hotfixContract, hotfixEventContract } from './hotfix';
import { jiraContract } from './jira';
import { outboxContract } from './outbox';
import { pagerDutyContract } from './pagerduty';
import { metricsContract } from './metrics';
import { rollbackContract, rollbackEventContract } from './rollback';
import { runbooksContract } from './runbooks';
import { servicesContract } from './services';
import { settingsContract } from './settings';
import { signingContract } from './signing';
import { statusPageContract } from './status-page';
import { syncContract, syncEventContract } from './sync';
import { updatesContract } from './updates';

export const contract = { ...appContract, ...incidentsContract, ...runbooksContract, ...updatesContract, ...metricsContract, ...servicesContract, ...rollbackContract, ...jiraContract, ...pagerDutyContract, ...outboxContract, ...reviewContract, ...settingsContract, ...signingContract, ...statusPageContract, ...identityContract, ...teamContract, ...syncContract, ...hotfixContract };
export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];
export const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);

/** Events pushed from the core to every window. */
export const eventContract = {
  'incident.changed': z.object({ incidentId: z.string(), lastSeq: z.number() }),
  'incidents.listChanged': z.object({}),
  /** The runbook library was rescanned or synced; browsers refetch lists and search. */
  'runbooks.libraryChanged': z.object({}),
  /** A metrics poll finished for the incident; its pane refetches the view. */
  'metrics.updated': z.object({ incidentId: z.string() }),
  ...rollbackEventContract,
  ...syncEventContract,
  ...hotfixEventContract,
};
export type EventContract = typeof eventContract;
export type EventName = keyof EventContract;
export type EventPayload<E extends EventName> = z.output<EventContract[E]>;
export const eventNames = Object.keys(eventContract) as EventName[];
export const isEventName = (name: string): name is EventName => Object.prototype.hasOwnProperty.call(eventContract, name);

export * from './app';
export * from './review';
export * from './define';
export * from './incidents';
export * from './runbooks';
export * from './updates';
export * from './metrics';
export * from './services';
export * from './rollback';
export * from './jira';
export * from './pagerduty';
export * from './outbox';
export * from './settings';
export * from './request-kinds';
export * from './signing';
export * from './status-page';
export * from './identity';
export * from './sync';
export * from './team';
export * from './hotfix';
export * from './hotfix-rollout';
