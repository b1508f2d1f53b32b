// Growable typed-array columns for the timeline index: a million rows cost a few bytes each per column, where an array of
// row objects costs a heap object (and a cache miss on every scan) per row. Hand-written: a dozen lines, no library does less.
type TypedArray = Int32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array;
type TypedArrayCtor<T extends TypedArray> = new (length: number) => T;

export class Column<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly ctor: TypedArrayCtor<T>, capacity = 1024) {
    this.data = new ctor(capacity);
  }

  push(value: number): void {
    this.ensureRoom();
    this.data[this.length++] = value;
  }

  /** Inserts `value` at `i`, moving the values from `i` on one place up (one memmove, as Array.prototype.splice would). */
  insert(i: number, value: number): void {
    this.ensureRoom();
    this.data.copyWithin(i + 1, i, this.length);
    this.data[i] = value;
    this.length++;
  }

  private ensureRoom(): void {
    if (this.length < this.data.length) return;
    const bigger = new this.ctor(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /**
   * Writes row `i` even past the end, growing (by doubling, zero-filled) to fit: a column indexed by a key such as a seq,
   * where rows arrive in any order. `length` becomes at least i + 1.
   */
  put(i: number, value: number): void {
    if (i >= this.data.length) {
      let capacity = Math.max(1, this.data.length);
      while (capacity <= i) capacity *= 2;
      const bigger = new this.ctor(capacity);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = value;
    if (i >= this.length) this.length = i + 1;
  }

  /** The live backing array (valid up to `length`): scans read it directly. */
  get raw(): T {
    return this.data;
  }
}

/** Strings numbered in order of first appearance, so a column holds a small id instead of the string. */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  find(name: string): number | undefined {
    return this.ids.get(name);
  }
}
