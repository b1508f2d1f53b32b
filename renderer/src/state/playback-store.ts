// Playback UI state: whether the cockpit shows a past moment, which moment, and whether it is playing and how fast.
import { create } from 'zustand';

export const playbackSpeeds = [1, 10, 60, 600] as const;
export type PlaybackSpeed = (typeof playbackSpeeds)[number];

interface PlaybackState {
  active: boolean;
  /** The moment shown, ms since epoch. */
  t: number;
  playing: boolean;
  speed: PlaybackSpeed;
  start(t: number): void;
  stop(): void;
  seek(t: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: PlaybackSpeed): void;
}

export const usePlaybackStore = create<PlaybackState>((set) => ({
  active: false,
  t: 0,
  playing: false,
  speed: 60,
  start: (t) => set({ active: true, t, playing: false }),
  stop: () => set({ active: false, playing: false }),
  seek: (t) => set({ t }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
}));
