// mailparser decodes text parts through its `Iconv` option when one is given. This stand-in
// routes every relabeled or unusual charset through decodeTextBytes, so a wrong or unknown
// label yields readable text and a problem instead of U+FFFD soup.
import { Transform, type TransformCallback } from 'node:stream';
import { decodeTextBytes } from './charset.js';
import type { ProblemList } from './problem-list.js';

/** The constructor shape mailparser expects for its `Iconv` option. */
export type IconvLike = new (fromCharset: string, toCharset: string) => NodeJS.ReadWriteStream;

/** An Iconv-compatible decoder class that records charset problems into `problems`. */
export function charsetDecoderClass(problems: ProblemList): IconvLike {
  return class CharsetDecoder extends Transform {
    readonly #label: string;
    readonly #chunks: Buffer[] = [];

    constructor(fromCharset: string, _toCharset: string) {
      super();
      this.#label = fromCharset;
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
      this.#chunks.push(chunk);
      done();
    }

    // Decoding needs the whole part: a multi-byte character or the latin-1 verdict spans chunks.
    override _flush(done: TransformCallback): void {
      const text = decodeTextBytes(Buffer.concat(this.#chunks), this.#label, problems);
      done(null, Buffer.from(text, 'utf8'));
    }
  };
}
