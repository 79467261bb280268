// Raw RFC 5322 messages, kept exactly as received (any size) in GridFS through the driver,
// so an email can always be re-processed or shown as it arrived.
import { GridFSBucket, type Db } from 'mongodb';

export class RawEmailStore {
  private readonly bucket: GridFSBucket;

  constructor(db: Db) {
    this.bucket = new GridFSBucket(db, { bucketName: 'rawEmails' });
  }

  /** Stores the message under its email id; storing the same id again is a no-op. */
  async put(emailId: string, raw: Uint8Array): Promise<void> {
    const existing = await this.bucket.find({ filename: emailId }, { limit: 1 }).toArray();
    if (existing.length > 0) return;
    await new Promise<void>((resolve, reject) => {
      const upload = this.bucket.openUploadStream(emailId, { metadata: { size: raw.byteLength } });
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
    });
  }

  /** The raw message, or null when none is stored. */
  async get(emailId: string): Promise<Uint8Array | null> {
    const [file] = await this.bucket.find({ filename: emailId }, { limit: 1 }).toArray();
    if (!file) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket.openDownloadStream(file._id)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
