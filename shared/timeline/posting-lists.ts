// Row lists of the timeline's search postings, packed: each list is its rows' gaps as LEB128 varints (a row right after the
// previous one costs one byte) in blocks that double in size, chained, in megabyte chunks. A million-event log holds ~10M
// postings: as JS arrays of numbers that was ≈ 8 bytes a posting plus each array's growth slack; here ≈ 1 byte. Hand-written:
// compressed-integer libraries (roaring bitmaps and the like) are native add-ons or WebAssembly; shared/ code stays plain TS.
import { Column } from './columns';

export interface PostingListsOptions {
  /** Bytes per chunk, a power of two (tests use small ones to cross chunk edges). */
  chunkBytes?: number;
  /** The largest block; blocks start at 16 bytes and double up to it. */
  maxBlockBytes?: number;
}

/** A block: next block's address (0 = none) and the block's size, then the varints; unused bytes stay 0 (no varint of a gap ≥ 1 holds a 0 byte). */
const HEADER = 8;
const FIRST_BLOCK = 16;
/** A varint of a gap below 2^28 takes at most 4 bytes; a block must have 5 free to take one more. */
const MAX_VARINT = 5;

export class PostingLists {
  private readonly chunks: Uint8Array[] = [];
  private readonly shift: number;
  private readonly offsetMask: number;
  private readonly chunkBytes: number;
  private readonly maxBlock: number;
  /** Where the next block goes in the last chunk. */
  private used = 0;
  private readonly first = new Column(Int32Array);
  private readonly tail = new Column(Int32Array);
  /** Where the list's next varint goes (an address inside its tail block). */
  private readonly writeAt = new Column(Int32Array);
  private readonly last = new Column(Int32Array);
  private readonly count = new Column(Int32Array);

  constructor(options: PostingListsOptions = {}) {
    this.chunkBytes = options.chunkBytes ?? 1 << 20;
    this.maxBlock = Math.min(options.maxBlockBytes ?? 1 << 16, this.chunkBytes - HEADER);
    if ((this.chunkBytes & (this.chunkBytes - 1)) !== 0 || this.chunkBytes < 64) throw new Error('chunkBytes must be a power of two ≥ 64');
    this.shift = Math.log2(this.chunkBytes);
    this.offsetMask = this.chunkBytes - 1;
  }

  /** A new list holding rows a < b; answers its number. */
  create(a: number, b: number): number {
    const list = this.first.length;
    const block = this.allocate(FIRST_BLOCK);
    this.first.push(block);
    this.tail.push(block);
    this.writeAt.push(block + HEADER);
    this.last.push(-1);
    this.count.push(0);
    this.add(list, a);
    this.add(list, b);
    return list;
  }

  /** Adds `row` (≥ the list's last row; the last row again is skipped). */
  add(list: number, row: number): void {
    const previous = this.last.get(list);
    if (row === previous) return;
    let at = this.writeAt.get(list);
    const tail = this.tail.get(list);
    const mem = this.chunks[tail >>> this.shift]!;
    const tailOffset = tail & this.offsetMask;
    const size = readInt(mem, tailOffset + 4);
    if (tailOffset + size - (at & this.offsetMask) < MAX_VARINT) {
      const block = this.allocate(Math.min(size * 2, this.maxBlock));
      writeInt(mem, tailOffset, block);
      this.tail.set(list, block);
      at = block + HEADER;
    }
    const out = this.chunks[at >>> this.shift]!;
    let p = at & this.offsetMask;
    let gap = row - previous;
    while (gap >= 0x80) {
      out[p++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[p++] = gap;
    this.writeAt.set(list, (at & ~this.offsetMask) | p);
    this.last.set(list, row);
    this.count.set(list, this.count.get(list) + 1);
  }

  lastOf(list: number): number {
    return this.last.get(list);
  }

  countOf(list: number): number {
    return this.count.get(list);
  }

  /** For every row of the list whose counts[row] is k: sets it to k + 1. Answers how many were. */
  bump(list: number, k: number, counts: Uint8Array): number {
    let bumped = 0;
    let row = -1;
    for (let block = this.first.get(list); block !== 0; ) {
      const mem = this.chunks[block >>> this.shift]!;
      const start = block & this.offsetMask;
      const end = start + readInt(mem, start + 4);
      let p = start + HEADER;
      while (p < end) {
        let b = mem[p++]!;
        if (b === 0) break;
        let gap = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = mem[p++]!;
          gap |= (b & 0x7f) << shift;
        }
        row += gap;
        if (counts[row] === k) {
          counts[row] = k + 1;
          bumped++;
        }
      }
      block = readInt(mem, start);
    }
    return bumped;
  }

  /** Bytes held (chunks), for the bench. */
  get bytes(): number {
    return this.chunks.length * this.chunkBytes;
  }

  private allocate(size: number): number {
    if (this.chunks.length === 0 || this.used + size > this.chunkBytes) {
      this.chunks.push(new Uint8Array(this.chunkBytes));
      // Address 0 means "no next block": the first chunk's first bytes are never a block.
      this.used = this.chunks.length === 1 ? HEADER : 0;
    }
    const offset = this.used;
    this.used += size;
    const mem = this.chunks[this.chunks.length - 1]!;
    writeInt(mem, offset + 4, size);
    return ((this.chunks.length - 1) << this.shift) | offset;
  }
}

function readInt(mem: Uint8Array, at: number): number {
  return mem[at]! | (mem[at + 1]! << 8) | (mem[at + 2]! << 16) | (mem[at + 3]! << 24);
}

function writeInt(mem: Uint8Array, at: number, value: number): void {
  mem[at] = value & 0xff;
  mem[at + 1] = (value >>> 8) & 0xff;
  mem[at + 2] = (value >>> 16) & 0xff;
  mem[at + 3] = (value >>> 24) & 0xff;
}
