// Record framing for journal and snapshot files: [u32 length][u32 crc32][BSON payload].
// The checksum lets recovery tell a torn or corrupt tail from a good record.
import { crc32 } from 'node:zlib';
import { BSON } from 'bson';
import type { JournalRecord } from '../engine/journal-record.js';

const HEADER = 8;

export function encodeRecords(records: readonly JournalRecord[]): Buffer {
  const parts: Buffer[] = [];
  for (const rec of records) {
    const payload = Buffer.from(BSON.serialize(rec, { ignoreUndefined: true }));
    const header = Buffer.allocUnsafe(HEADER);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt32LE(crc32(payload), 4);
    parts.push(header, payload);
  }
  return Buffer.concat(parts);
}

export interface DecodeResult {
  records: JournalRecord[];
  /** Bytes of whole, valid records; anything after is a torn or corrupt tail. */
  validLength: number;
  tornTail: boolean;
}

/** Decodes every valid record from the start of `buf`, stopping at the first torn or corrupt one. */
export function decodeRecords(buf: Buffer): DecodeResult {
  const records: JournalRecord[] = [];
  let pos = 0;
  while (pos + HEADER <= buf.length) {
    const len = buf.readUInt32LE(pos);
    const sum = buf.readUInt32LE(pos + 4);
    const end = pos + HEADER + len;
    if (len < 5 || end > buf.length) break;
    const payload = buf.subarray(pos + HEADER, end);
    if (crc32(payload) !== sum) break;
    records.push(BSON.deserialize(payload, { promoteLongs: true, promoteValues: true }) as JournalRecord);
    pos = end;
  }
  return { records, validLength: pos, tornTail: pos !== buf.length };
}
