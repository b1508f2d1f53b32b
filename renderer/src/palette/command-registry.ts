// Commands that panes contribute to the palette while they are on screen (attach runbook, check the next step, publish
// an update …): each pane knows how to do its own action, the palette only lists and runs them.
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { Channel } from '../../../shared/ipc';

export interface ContributedCommand {
  id: string;
  label: string;
  hint?: string;
  /** A keyboard shortcut shown beside the command, e.g. "G T" or "P". */
  shortcut?: string;
  /** The channel the command needs; a window that does not serve it (a read-only review bundle) never offers it. */
  needs?: Channel;
  run: () => void;
}

interface RegistryState {
  commands: Record<string, ContributedCommand[]>;
  set(source: string, commands: ContributedCommand[] | undefined): void;
}

export const useCommandRegistry = create<RegistryState>((set) => ({
  commands: {},
  set: (source, commands) =>
    set((s) => {
      const next = { ...s.commands };
      if (commands) next[source] = commands;
      else delete next[source];
      return { commands: next };
    }),
}));

export function contributedCommands(state: Pick<RegistryState, 'commands'>): ContributedCommand[] {
  return Object.values(state.commands).flat();
}

/**
 * Contributes `commands` from `source` while the calling component is mounted. The palette always runs the latest
 * closure; the registry only changes when the visible labels change.
 */
export function usePaletteCommands(source: string, commands: ContributedCommand[]): void {
  const latest = useRef(commands);
  latest.current = commands;
  const signature = commands.map((c) => `${c.id}|${c.label}|${c.hint ?? ''}|${c.shortcut ?? ''}|${c.needs ?? ''}`).join('\n');
  useEffect(() => {
    const wrapped = latest.current.map((c) => ({ ...c, run: () => latest.current.find((x) => x.id === c.id)?.run() }));
    useCommandRegistry.getState().set(source, wrapped);
    return () => useCommandRegistry.getState().set(source, undefined);
  }, [source, signature]);
}
