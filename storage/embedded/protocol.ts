// MongoDB wire protocol framing: OP_MSG (2013) for every command of a modern driver, plus
// OP_QUERY (2004) answered with OP_REPLY (1) for the legacy handshake some clients still send.
import { BSON, type Document } from 'bson';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;
export const OP_COMPRESSED = 2012;

const CHECKSUM_PRESENT = 1;
export const MORE_TO_COME = 2;

const DESERIALIZE = { promoteLongs: true, promoteValues: true, promoteBuffers: false } as const;

export interface MessageHeader {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export interface ParsedMessage {
  header: MessageHeader;
  body: Document;
  /** OP_MSG flag: the client expects no reply (unacknowledged writes). */
  moreToCome: boolean;
  legacy: boolean;
}

export class ProtocolError extends Error {}

export function readHeader(buf: Buffer): MessageHeader {
  return {
    length: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

function readCString(buf: Buffer, pos: number): [string, number] {
  const end = buf.indexOf(0, pos);
  if (end < 0) throw new ProtocolError('unterminated cstring');
  return [buf.toString('utf8', pos, end), end + 1];
}

/** Parses one complete message (header included) into its command document. */
export function parseMessage(msg: Buffer): ParsedMessage {
  const header = readHeader(msg);
  if (header.opCode === OP_MSG) {
    const flags = msg.readUInt32LE(16);
    const end = flags & CHECKSUM_PRESENT ? msg.length - 4 : msg.length;
    let pos = 20;
    let body: Document | undefined;
    const sequences: Array<[string, Document[]]> = [];
    while (pos < end) {
      const kind = msg[pos];
      pos += 1;
      if (kind === 0) {
        const size = msg.readInt32LE(pos);
        body = BSON.deserialize(msg.subarray(pos, pos + size), DESERIALIZE);
        pos += size;
      } else if (kind === 1) {
        const size = msg.readInt32LE(pos);
        const sectionEnd = pos + size;
        let [identifier, p] = readCString(msg, pos + 4);
        const docs: Document[] = [];
        while (p < sectionEnd) {
          const docSize = msg.readInt32LE(p);
          docs.push(BSON.deserialize(msg.subarray(p, p + docSize), DESERIALIZE));
          p += docSize;
        }
        sequences.push([identifier, docs]);
        identifier = '';
        pos = sectionEnd;
      } else {
        throw new ProtocolError(`unknown OP_MSG section kind ${String(kind)}`);
      }
    }
    if (!body) throw new ProtocolError('OP_MSG without a body section');
    for (const [id, docs] of sequences) body[id] = docs;
    return { header, body, moreToCome: (flags & MORE_TO_COME) !== 0, legacy: false };
  }
  if (header.opCode === OP_QUERY) {
    let pos = 20;
    const [collection, next] = readCString(msg, pos);
    pos = next + 8; // numberToSkip, numberToReturn
    const size = msg.readInt32LE(pos);
    let body = BSON.deserialize(msg.subarray(pos, pos + size), DESERIALIZE);
    if (body.$query && typeof body.$query === 'object') body = body.$query as Document;
    const db = collection.endsWith('.$cmd') ? collection.slice(0, -5) : 'admin';
    return { header, body: { ...body, $db: db }, moreToCome: false, legacy: true };
  }
  throw new ProtocolError(`unsupported opCode ${header.opCode}`);
}

let nextRequestId = 1;

/** Encodes a reply to `request` in the same protocol the request used. */
export function encodeReply(request: MessageHeader, reply: Document, legacy: boolean): Buffer {
  const doc = Buffer.from(BSON.serialize(reply, { ignoreUndefined: true }));
  if (legacy) {
    const head = Buffer.alloc(36);
    head.writeInt32LE(36 + doc.length, 0);
    head.writeInt32LE(nextRequestId++, 4);
    head.writeInt32LE(request.requestId, 8);
    head.writeInt32LE(OP_REPLY, 12);
    head.writeInt32LE(0, 16); // responseFlags
    head.writeBigInt64LE(0n, 20); // cursorID
    head.writeInt32LE(0, 28); // startingFrom
    head.writeInt32LE(1, 32); // numberReturned
    return Buffer.concat([head, doc]);
  }
  const head = Buffer.alloc(21);
  head.writeInt32LE(21 + doc.length, 0);
  head.writeInt32LE(nextRequestId++, 4);
  head.writeInt32LE(request.requestId, 8);
  head.writeInt32LE(OP_MSG, 12);
  head.writeUInt32LE(0, 16); // flagBits
  head.writeUInt8(0, 20); // section kind 0
  return Buffer.concat([head, doc]);
}
