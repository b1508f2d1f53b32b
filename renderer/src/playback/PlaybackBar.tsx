// Review playback controls: scrubber over the incident's lifetime, play/pause, speed, previous/next event, keyboard control.
import { useEffect } from 'react';
import type { EventClock } from '../../../shared/playback/checkpoints';
import { useFormatTime } from '../time/Time';
import { channelAccess } from '../api/access';
import { playbackSpeeds, usePlaybackStore, type PlaybackSpeed } from '../state/playback-store';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable) && (el as HTMLInputElement).type !== 'range';
}

/** What playback is waiting for before it can show a moment: a large log loading, then the replay folding it. */
export interface PlaybackPreparation {
  what: string;
  /** 0–1 */
  fraction: number;
}

export function PlaybackBar({ clock, visibleCount, total, preparing }: { clock: EventClock; visibleCount: number; total: number; preparing?: PlaybackPreparation | undefined }) {
  const { active, t, playing, speed, stop, seek, setPlaying, setSpeed } = usePlaybackStore();
  const format = useFormatTime();
  const { live } = channelAccess();

  // Advance the clock while playing; stop at the end.
  useEffect(() => {
    if (!active || !playing) return;
    let last = performance.now();
    const id = window.setInterval(() => {
      const now = performance.now();
      const next = usePlaybackStore.getState().t + (now - last) * speed;
      last = now;
      if (next >= clock.end) {
        seek(clock.end);
        setPlaying(false);
      } else seek(next);
    }, 100);
    return () => window.clearInterval(id);
  }, [active, playing, speed, clock, seek, setPlaying]);

  const stepTo = (count: number) => seek(clock.timeOf(Math.max(0, Math.min(total, count))));

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ') setPlaying(!usePlaybackStore.getState().playing);
      else if (e.key === 'ArrowRight' || e.key === '.') stepTo(visibleCount + 1);
      else if (e.key === 'ArrowLeft' || e.key === ',') stepTo(visibleCount - 1);
      else if (e.key === 'Home') seek(clock.start);
      else if (e.key === 'End') seek(clock.end);
      else if (e.key === 'Escape' && live) stop();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // While live the bar is gone: playback starts from the header's Review menu.
  if (!active) return null;
  // A review bundle is a recording: there is no live incident to go back to.
  const backToLive = live ? (
    <button type="button" onClick={stop}>
      Back to live
    </button>
  ) : null;
  if (preparing)
    return (
      <div className="playback-bar active preparing" role="group" aria-label="Playback">
        <span role="status" className="playback-preparing">
          {preparing.what}
        </span>
        <progress aria-label="Playback preparation" max={1} value={preparing.fraction} />
        {backToLive}
      </div>
    );
  return (
    <div className="playback-bar active" role="group" aria-label="Playback">
      <button type="button" onClick={() => stepTo(visibleCount - 1)} aria-label="Previous event" title="Previous event (←)">
        «
      </button>
      <button type="button" onClick={() => setPlaying(!playing)} aria-label={playing ? 'Pause' : 'Play'} title="Play / pause (space)">
        {playing ? '❚❚' : '▶'}
      </button>
      <button type="button" onClick={() => stepTo(visibleCount + 1)} aria-label="Next event" title="Next event (→)">
        »
      </button>
      <input
        type="range"
        className="scrubber"
        aria-label="Playback position"
        min={clock.start}
        max={clock.end}
        step={1000}
        value={Math.min(Math.max(t, clock.start), clock.end)}
        aria-valuetext={format(t, true)}
        onChange={(e) => seek(Number(e.target.value))}
      />
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value) as PlaybackSpeed)}>
          {playbackSpeeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {clock.afterCount > 0 ? (
        <button
          type="button"
          className={t > clock.end ? 'after-marker on' : 'after-marker'}
          onClick={() => seek(clock.lastEventAt)}
          title="Annotations added after the incident (pins, runbooks, review notes): show the log with them"
        >
          +{clock.afterCount} after
        </button>
      ) : null}
      <output className="playback-time" data-testid="playback-time">
        {t > clock.end ? 'after the incident' : format(t, true)} · event {visibleCount}/{total}
      </output>
      {backToLive}
    </div>
  );
}
