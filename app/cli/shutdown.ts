/** The signals that ask arbot to stop. */
export type ShutdownSignal = 'SIGINT' | 'SIGTERM';

/** Where signals come from: `process`, or a fake in tests. */
export interface SignalSource {
  on(signal: ShutdownSignal, listener: () => void): unknown;
  off(signal: ShutdownSignal, listener: () => void): unknown;
}

/** A shutdown request that is being watched for. */
export interface ShutdownWatch {
  /** Resolves with the first SIGINT or SIGTERM. */
  requested: Promise<ShutdownSignal>;
  /** Stops listening. */
  dispose(): void;
}

const shutdownSignals: readonly ShutdownSignal[] = ['SIGINT', 'SIGTERM'];

/**
 * Watches for SIGINT/SIGTERM: the first one resolves `requested` (graceful stop); any later
 * one calls `onRepeat`, so an impatient second Ctrl-C can force the process out.
 */
export function watchShutdownSignals(source: SignalSource, onRepeat: (signal: ShutdownSignal) => void): ShutdownWatch {
  let received = false;
  let resolveRequested: (signal: ShutdownSignal) => void = () => undefined;
  const requested = new Promise<ShutdownSignal>((resolve) => (resolveRequested = resolve));
  const listeners = shutdownSignals.map((signal) => {
    const listener = (): void => {
      if (received) onRepeat(signal);
      received = true;
      resolveRequested(signal);
    };
    source.on(signal, listener);
    return { signal, listener };
  });
  return {
    requested,
    dispose: () => listeners.forEach(({ signal, listener }) => source.off(signal, listener)),
  };
}

/** The conventional exit code of a process ended by `signal` (128 + its number). */
export function signalExitCode(signal: ShutdownSignal): number {
  return signal === 'SIGINT' ? 130 : 143;
}
