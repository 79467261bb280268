// How well confidences match reality: bucket every (confidence, was it right) pair by confidence.
/** One confidence bucket. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  frequency: number;
}

/** Ten equal-width bins, the expected calibration error and the Brier score of confidence/outcome pairs. */
export function reliability(pairs: ReadonlyArray<readonly [confidence: number, outcome: 0 | 1]>): { bins: ReliabilityBin[]; ece: number; brier: number } {
  const acc = Array.from({ length: 10 }, () => ({ count: 0, confidence: 0, outcome: 0 }));
  let brier = 0;
  for (const [c, y] of pairs) {
    const b = acc[Math.min(9, Math.floor(c * 10))]!;
    b.count++;
    b.confidence += c;
    b.outcome += y;
    brier += (c - y) ** 2;
  }
  const n = Math.max(pairs.length, 1);
  const bins = acc.map((b, i) => ({
    from: i / 10,
    to: (i + 1) / 10,
    count: b.count,
    meanConfidence: b.count ? b.confidence / b.count : 0,
    frequency: b.count ? b.outcome / b.count : 0,
  }));
  const ece = bins.reduce((s, b) => s + (b.count / n) * Math.abs(b.meanConfidence - b.frequency), 0);
  return { bins, ece, brier: brier / n };
}
