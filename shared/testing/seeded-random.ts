// A seeded generator for tests that build random logs: a failing log can be rebuilt from its seed. mulberry32 (public domain,
// a few lines): fast-check's own generators are for properties; these tests need plain numbers in a loop.
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
