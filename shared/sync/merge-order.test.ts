import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MergeOrder } from './merge-order';

describe('merge order', () => {
  it('puts sequenced events by stream sequence before pending ones, and says when positions changed', () => {
    const order = new MergeOrder<string>();
    order.addPending('a.1', 'a1');
    order.addPending('a.2', 'a2');
    expect(order.events).toEqual(['a1', 'a2']);
    order.addSynced('a.1', 1, 'a1');
    expect(order.events).toEqual(['a1', 'a2']);
    expect(order.generation).toBe(0);
    order.addSynced('b.1', 2, 'b1');
    expect(order.events).toEqual(['a1', 'b1', 'a2']);
    expect(order.generation).toBe(1);
    expect(order.pendingCount).toBe(1);
    expect(order.addSynced('b.1', 2, 'b1')).toBe(false);
    expect(() => order.addSynced('c.1', 2, 'c1')).toThrow(/arrived after/);
  });

  it('places an event held back and verified later at its stream sequence, and says positions changed', () => {
    const order = new MergeOrder<string>();
    order.addSynced('a.1', 1, 'a1');
    order.addSynced('a.2', 3, 'a2');
    order.addPending('b.1', 'b1');
    expect(order.addLateSynced('x.1', 2, 'x1')).toBe(true);
    expect(order.events).toEqual(['a1', 'x1', 'a2', 'b1']);
    expect(order.generation).toBe(1);
    expect(order.addLateSynced('x.1', 2, 'x1')).toBe(false);
    expect(order.lastStreamSeq).toBe(3);
  });

  it('any interleaving of local writes and deliveries ends in the stream order once everything is delivered', () => {
    // Two laptops write; the server sequences their events in some interleaving; each laptop sees its own events first as
    // pending, then every delivery in stream order. Both must end with exactly the stream order.
    fc.assert(fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 60 }), (who, schedule) => {
      const stream = who.map((isA, i) => `${isA ? 'a' : 'b'}.${i}`);
      for (const me of ['a', 'b']) {
        const order = new MergeOrder<string>();
        const mine = stream.filter((id) => id.startsWith(me));
        let delivered = 0;
        let written = 0;
        for (const step of schedule) {
          if (step % 2 === 0 && written < mine.length) order.addPending(mine[written]!, mine[written++]!);
          else if (delivered < stream.length) {
            const next = stream[delivered]!;
            // The server can only sequence an own event after it was written.
            if (next.startsWith(me) && !order.has(next)) {
              order.addPending(next, next);
              written = Math.max(written, mine.indexOf(next) + 1);
            }
            order.addSynced(next, ++delivered, next);
          }
        }
        while (delivered < stream.length) {
          const next = stream[delivered]!;
          order.addPending(next, next);
          order.addSynced(next, ++delivered, next);
        }
        expect(order.events).toEqual(stream);
        expect(order.pendingCount).toBe(0);
      }
    }));
  });
});
