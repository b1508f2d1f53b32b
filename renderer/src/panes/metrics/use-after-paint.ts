// Mounting a chart after the frame that mounted its card: recharts lays out axes, ticks (measuring their text in the DOM) and
// lines, and React rendered every chart in the same uninterruptible pass as the rest of the cockpit, so the timeline's first
// rows waited for all of them (opening the demo incident, its four charts held the first rows back by 0.3–0.5 s). The card paints first, with its title,
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
