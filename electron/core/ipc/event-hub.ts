// Fan-out of core events to every connected window (Electron webContents or browser-host SSE clients).
import type { EventName, EventPayload } from '../../../shared/ipc';

export type HubListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export class EventHub {
  private readonly listeners = new Set<HubListener>();

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(name, payload);
  }
}
