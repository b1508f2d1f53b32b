// When a window asks for the page of the rows on screen. A slow scroll asks at once. A fling asks at most once per
// FLING_LOAD_INTERVAL_MS, for the rows on screen when the interval ends, and at once when the fling stops.
import { useEffect, useRef } from 'react';

/**
 * Flung with the wheel at 3,000 px an event, the 1M-event timeline asked for a page on almost every event (45 in 2 s): each
 * request, its answer and the rows it brought cost the page's main thread about 6 ms a frame (12 ms of the 16.7 ms a frame
 * has, against 6 ms when no page was asked for), and a page came back after the rows it held had scrolled away. One page
 * every 150 ms still shows where the fling is passing (times and text), and the list stops on rows asked for at once.
 */
export const FLING_LOAD_INTERVAL_MS = 150;

export function useFlingLoads(load: (from: number, to: number) => void, range: { first: number; last: number; flinging: boolean; enabled: boolean }) {
  const { first, last, flinging, enabled } = range;
  const loadRef = useRef(load);
  loadRef.current = load;
  const state = useRef({ range: [first, last] as [number, number], lastAt: -Infinity, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  useEffect(() => {
    const s = state.current;
    s.range = [first, last];
    if (!enabled) return;
    if (!flinging) {
      clearTimeout(s.timer);
      s.timer = undefined;
      s.lastAt = -Infinity;
      loadRef.current(first, last);
      return;
    }
    if (s.timer !== undefined) return;
    s.timer = setTimeout(() => {
      s.timer = undefined;
      s.lastAt = performance.now();
      loadRef.current(...s.range);
    }, Math.max(0, s.lastAt + FLING_LOAD_INTERVAL_MS - performance.now()));
  }, [enabled, first, last, flinging]);
  useEffect(() => () => clearTimeout(state.current.timer), []);
}
