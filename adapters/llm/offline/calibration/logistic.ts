// A tiny L2-regularised logistic regression, fitted by Newton's method: it turns the handful of
// evidence inputs of one intent (classifier log-odds, cue counts …) into a calibrated probability.
// Newton on a few inputs converges in a few steps and gives the same weights on every run.

/** Weights of one fitted logistic regression. */
export interface LogisticWeights {
  bias: number;
  weights: number[];
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Probability that the inputs belong to the positive class. */
export function predictLogistic(model: LogisticWeights, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += (model.weights[j] ?? 0) * (x[j] ?? 0);
  return sigmoid(z);
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Fits bias and weights on rows x with 0/1 targets y; l2 penalises the weights, not the bias. */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], l2: number, steps = 25): LogisticWeights {
  const d = (x[0]?.length ?? 0) + 1;
  let theta = new Array<number>(d).fill(0);
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    x.forEach((row, i) => {
      const v = [1, ...row];
      const p = sigmoid(v.reduce((s, vj, j) => s + vj * theta[j]!, 0));
      const w = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        grad[j]! += (p - (y[i] ?? 0)) * v[j]!;
        for (let k = 0; k < d; k++) hess[j]![k]! += w * v[j]! * v[k]!;
      }
    });
    for (let j = 1; j < d; j++) {
      grad[j]! += l2 * theta[j]!;
      hess[j]![j]! += l2;
    }
    hess[0]![0]! += 1e-6;
    const delta = solve(hess, grad);
    theta = theta.map((t, j) => t - delta[j]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-10) break;
  }
  return { bias: theta[0]!, weights: theta.slice(1) };
}
