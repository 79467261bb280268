import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from './logistic.js';

describe('fitLogistic', () => {
  it('recovers the frequencies of a one-input problem', () => {
    // x = 0: positive 1 time in 4; x = 1: positive 3 times in 4.
    const x = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const m = fitLogistic(x, y, 0);
    expect(predictLogistic(m, [0])).toBeCloseTo(0.25, 6);
    expect(predictLogistic(m, [1])).toBeCloseTo(0.75, 6);
  });

  it('stays finite on separable data thanks to the L2 penalty', () => {
    const m = fitLogistic([[0], [1]], [0, 1], 0.5);
    expect(Number.isFinite(m.weights[0])).toBe(true);
    expect(predictLogistic(m, [1])).toBeGreaterThan(predictLogistic(m, [0]));
  });
});
