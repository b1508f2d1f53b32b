// Mounting a chart after the frame that mounted its card: a recharts chart costs 100–300 ms of the page's main thread to lay
// out its axes, ticks and lines (measured opening the demo incident), and React renders it in the same uninterruptible pass
// as the rest of the cockpit, so the timeline's first rows waited for every chart. The card paints first, with its title,
// value and a placeholder of the chart's height; the chart follows in a transition React can interrupt for other updates.
import { startTransition, useEffect, useState } from 'react';

export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame is painted after requestAnimationFrame's callbacks: a task queued from one runs after that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
