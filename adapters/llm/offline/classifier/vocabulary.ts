// The features the classifiers know, each with a fixed position: natural's naive Bayes reads an
// observation as a 0/1 array over these positions.

/** Maps feature strings to positions and back. */
export class Vocabulary {
  private readonly positions: ReadonlyMap<string, number>;

  constructor(readonly features: readonly string[]) {
    this.positions = new Map(features.map((f, i) => [f, i]));
  }

  get size(): number {
    return this.features.length;
  }

  /** Sorted positions of the known features among those given (unknown ones carry no evidence). */
  encode(features: readonly string[]): number[] {
    const out: number[] = [];
    for (const f of features) {
      const i = this.positions.get(f);
      if (i !== undefined) out.push(i);
    }
    return [...new Set(out)].sort((a, b) => a - b);
  }

  /** A 0/1 observation of vocabulary length with the given positions set. */
  observation(positions: readonly number[]): number[] {
    const out = new Array<number>(this.size).fill(0);
    for (const i of positions) out[i] = 1;
    return out;
  }
}
