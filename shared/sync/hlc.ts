// Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so timestamps from different laptops order
// causally (a received event's clock is never ahead of what the receiver stamps next) and stay close to real time. Hand-written
// because it is ~40 lines of pure logic and the npm packages for it are unmaintained or pull in their own id schemes.

export interface Hlc {
  /** Milliseconds since the epoch: the largest physical time seen. */
  wall: number;
  /** Orders events within the same `wall` millisecond. */
  counter: number;
}

export const HLC_ZERO: Hlc = { wall: 0, counter: 0 };

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
export const HLC_PATTERN = /^[0-9]{15}\.[0-9]{6}$/;

/** The clock value for a local event at physical time `now`: strictly after `last`. */
export function tick(last: Hlc, now: number): Hlc {
  const wall = Math.max(last.wall, Math.floor(now));
  return { wall, counter: wall === last.wall ? last.counter + 1 : 0 };
}

/** The clock after receiving `remote` at physical time `now`: strictly after both `last` and `remote`. */
export function receive(last: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(last.wall, remote.wall, Math.floor(now));
  let counter = 0;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return { wall, counter };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wall !== b.wall ? a.wall - b.wall : a.counter - b.counter;
}

/** Fixed-width text, so the encoded values sort like the clocks themselves. */
export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_DIGITS, '0')}.${String(h.counter).padStart(COUNTER_DIGITS, '0')}`;
}

export function decodeHlc(text: string): Hlc {
  if (!HLC_PATTERN.test(text)) throw new Error(`Not a hybrid logical clock value: ${text}`);
  const [wall, counter] = text.split('.');
  return { wall: Number(wall), counter: Number(counter) };
}
