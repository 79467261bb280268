// Problems found while taking a message apart. Each one becomes a review reason downstream,
// so the same problem is recorded once and the list keeps the order it was found in.

/** Collects short human-readable problem strings, without duplicates. */
export class ProblemList {
  readonly #items: string[] = [];

  add(problem: string): void {
    if (!this.#items.includes(problem)) this.#items.push(problem);
  }

  addAll(problems: readonly string[]): void {
    for (const p of problems) this.add(p);
  }

  has(prefix: string): boolean {
    return this.#items.some((p) => p.startsWith(prefix));
  }

  toArray(): string[] {
    return [...this.#items];
  }
}

/** The message of anything thrown, for a problem string (libraries throw non-Errors too). */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : 'unknown error';
}
