/**
 * A binary max-heap of (value, node) pairs over typed arrays, for exposure propagation. A module-level
 * class rather than closures made afresh on every propagation, so V8 optimises push and pop once and
 * keeps them. Equal values come out in the order the heap's sifting gives, which propagation relies
 * on staying the same from run to run (same pushes, same pops, same order).
 */
export class MaxHeap {
  private values: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  push(value: number, node: number): void {
    if (this.size === this.values.length) this.grow();
    const hv = this.values;
    const hn = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (hv[up]! >= value) break;
      hv[i] = hv[up]!;
      hn[i] = hn[up]!;
      i = up;
    }
    hv[i] = value;
    hn[i] = node;
  }

  /** Removes the top pair and returns its node (the heap must not be empty). */
  pop(): number {
    const hv = this.values;
    const hn = this.nodes;
    const top = hn[0]!;
    const size = --this.size;
    const value = hv[size]!;
    const node = hn[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && hv[c + 1]! > hv[c]!) c++;
      if (hv[c]! <= value) break;
      hv[i] = hv[c]!;
      hn[i] = hn[c]!;
      i = c;
    }
    hv[i] = value;
    hn[i] = node;
    return top;
  }

  private grow(): void {
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    this.nodes = nodes;
  }
}
