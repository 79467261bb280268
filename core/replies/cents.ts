// Money sums are floats in major units; rounding to cents keeps totals printable and comparable.

/** Rounds an amount to cents (and turns -0 into 0, so it never prints as "-$0.00"). */
export function roundCents(amount: number): number {
  const rounded = Math.round(amount * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}
