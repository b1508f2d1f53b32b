// Measures an element's width, rounded to a bucket so small resizes do not refetch the metrics view.
import { useEffect, useRef, useState } from 'react';

export function useElementWidth<T extends HTMLElement>(bucketPx = 50, fallback = 600) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setWidth(Math.max(bucketPx, Math.round(w / bucketPx) * bucketPx));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [bucketPx]);
  return { ref, width };
}
