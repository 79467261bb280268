// Progress of the demo inbox on stderr: a cli-progress bar on a terminal, one plain line per
// email otherwise (CI logs and pipes get no control characters).
import cliProgress from 'cli-progress';

/** Where progress goes: stderr, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** One email done; `label` says what became of it. */
  tick(file: string, label: string): void;
  stop(): void;
}

/** A bar when `stream` is a terminal, plain lines otherwise. */
export function createProgress(stream: ProgressStream, total: number, title: string): Progress {
  if (stream.isTTY === true) {
    const bar = new cliProgress.SingleBar(
      { stream: stream as NodeJS.WritableStream, format: `${title} [{bar}] {value}/{total} {file}`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { file: '' });
    return {
      tick: (file, label) => bar.increment(1, { file: `${file} → ${label}` }),
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  stream.write(`${title}: ${total} emails\n`);
  return {
    tick: (file, label) => {
      done += 1;
      stream.write(`${title}: ${done}/${total} ${file} → ${label}\n`);
    },
    stop: () => undefined,
  };
}
