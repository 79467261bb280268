/** The few failure kinds a user can act on; each maps to one exit code and a one-line message. */
export type ArbotErrorCode =
  | 'config_invalid'
  | 'usage'
  | 'storage_unavailable'
  | 'port_in_use'
  | 'listen_failed'
  /** A check found what it looks for, e.g. `arbot audit verify` a broken chain. */
  | 'integrity_failed';

/** An expected, user-facing failure: its message is one line per problem and safe to print (no secrets). */
export class ArbotError extends Error {
  constructor(
    readonly code: ArbotErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ArbotError';
  }
}

/** Exit code for a failure: 2 when the user must fix how arbot was invoked or configured, else 1. */
export function exitCodeFor(code: ArbotErrorCode): 1 | 2 {
  return code === 'config_invalid' || code === 'usage' ? 2 : 1;
}
