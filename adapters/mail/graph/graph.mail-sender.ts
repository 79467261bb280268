// A MailSender over Microsoft Graph, sending as the shared AR mailbox. The reply is built as
// MIME by adapters/mail/mime (like every other sender), so our Message-ID, In-Reply-To,
// References and Auto-Submitted go out exactly as the outbox fixed them; Graph's JSON
// message (createReply) cannot carry Auto-Submitted or our own References, so it is not used.
//   1. POST /messages with the base64 MIME (Content-Type: text/plain) creates a draft;
//   2. attachments above 3 MB (or beyond what fits Graph's 4 MB request limit) are added to
//      the draft afterwards through upload sessions (createUploadSession, then PUTs of at
//      most 4 MiB, multiples of 320 KiB, to the session's uploadUrl);
//   3. POST /messages/{id}/send sends it, and Exchange files it in Sent Items.
// With immutable ids the draft's id stays the message's id in Sent Items: it is the provider
// id. `findSent` looks in Sent Items by internetMessageId. A failure after the draft exists
// deletes the draft, so a retry does not leave copies in Drafts.
// Docs: /graph/outlook-send-mime-message, /graph/api/user-post-messages,
// /graph/api/attachment-createuploadsession, /graph/outlook-large-attachments.
import type { Logger } from 'pino';
import { MailSendError } from '../../../core/replies/mail-send-error.js';
import type { MailSender, OutgoingMessage } from '../../../core/replies/reply-model.js';
import { buildMessage } from '../mime/build-message.js';
import { rawFailure, type GraphApi } from './graph-api.js';
import { graphSendError } from './graph-errors.js';

/** Attachments larger than this go through an upload session (Graph's documented threshold). */
export const UPLOAD_SESSION_THRESHOLD = 3 * 1024 * 1024;
/** Largest base64 MIME posted in one request; Graph refuses requests above 4 MB. */
const MAX_INLINE_MIME = 3.5 * 1024 * 1024;
/** Upload chunk: a multiple of 320 KiB, below the 4 MiB per-request limit. */
export const UPLOAD_CHUNK = 10 * 320 * 1024;

export interface GraphMailSenderOptions {
  api: GraphApi;
  /** For the upload-session PUTs, which go to a pre-authenticated URL outside Graph (default: global fetch). */
  fetch?: typeof fetch;
  now?: () => Date;
  logger?: Pick<Logger, 'warn'>;
}

interface DraftMessage {
  id: string;
}

interface UploadSession {
  uploadUrl: string;
}

/** Sends through Microsoft Graph as the configured mailbox. */
export class GraphMailSender implements MailSender {
  readonly name = 'graph';
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: GraphMailSenderOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => new Date());
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const { api } = this.options;
    const { inline, uploaded } = splitAttachments(message.attachments);
    // Built (and its addresses checked) before anything is created in the mailbox.
    const mime = buildMessage({ ...message, attachments: inline }, this.now());
    let draft: DraftMessage;
    try {
      draft = await api.post<DraftMessage>(`${api.root}/messages`, Buffer.from(mime, 'utf8').toString('base64'), 'text/plain');
    } catch (err) {
      throw graphSendError(err, 'creating the draft from MIME');
    }
    const draftPath = `${api.root}/messages/${encodeURIComponent(draft.id)}`;
    try {
      for (const attachment of uploaded) await this.upload(draftPath, attachment);
      await api.post(`${draftPath}/send`, undefined);
    } catch (err) {
      const error = err instanceof MailSendError ? err : graphSendError(err, 'sending the draft');
      await this.discard(draftPath, message.messageId);
      throw error;
    }
    return { providerMessageId: draft.id };
  }

  async findSent(messageId: string): Promise<{ providerMessageId: string } | undefined> {
    const { api } = this.options;
    const filter = `internetMessageId eq '${`<${messageId}>`.replace(/'/g, "''")}'`;
    try {
      const found = await api.get<{ value: Array<{ id: string }> }>(
        `${api.root}/mailFolders/sentitems/messages?$filter=${encodeURIComponent(filter)}&$select=id,internetMessageId&$top=1`,
      );
      const id = found.value[0]?.id;
      return id === undefined ? undefined : { providerMessageId: id };
    } catch (err) {
      const e = graphSendError(err, 'searching Sent Items');
      // A lookup that cannot succeed now is a reason to try again later, never a verdict on the message.
      throw e.code === 'rejected' ? new MailSendError('temporary', e.message, { cause: err }) : e;
    }
  }

  /** Adds one attachment to the draft through an upload session. */
  private async upload(draftPath: string, a: OutgoingMessage['attachments'][number]): Promise<void> {
    const { api } = this.options;
    let session: UploadSession;
    try {
      session = await api.post<UploadSession>(`${draftPath}/attachments/createUploadSession`, {
        AttachmentItem: { attachmentType: 'file', name: a.filename, size: a.content.byteLength, contentType: a.contentType },
      });
    } catch (err) {
      throw graphSendError(err, `creating an upload session for ${a.filename}`);
    }
    const size = a.content.byteLength;
    for (let start = 0; start < size; start += UPLOAD_CHUNK) {
      const end = Math.min(size, start + UPLOAD_CHUNK);
      const chunk = a.content.subarray(start, end);
      // The uploadUrl is pre-authenticated: sending the Graph token along would be refused.
      await api
        .run(`PUT upload ${a.filename} ${start}-${end - 1}`, async () => {
          const res = await this.fetch(session.uploadUrl, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(chunk.byteLength), 'Content-Range': `bytes ${start}-${end - 1}/${size}` },
            body: chunk,
          });
          if (!res.ok) throw await rawFailure(res);
          await res.arrayBuffer();
        })
        .catch((err: unknown) => {
          throw graphSendError(err, `uploading ${a.filename}`);
        });
    }
  }

  private async discard(draftPath: string, messageId: string): Promise<void> {
    try {
      await this.options.api.delete(draftPath);
    } catch (err) {
      this.options.logger?.warn({ err: graphSendError(err, 'deleting the unsent draft'), messageId }, 'graph: an unsent draft was left in Drafts');
    }
  }
}

/** Which attachments travel inside the MIME, and which are uploaded to the draft afterwards. */
export function splitAttachments<A extends { content: Uint8Array }>(attachments: readonly A[]): { inline: A[]; uploaded: A[] } {
  const inline: A[] = [];
  const uploaded: A[] = [];
  // base64 grows content by 4/3; keep headroom for the text and headers.
  let budget = MAX_INLINE_MIME - 256 * 1024;
  for (const a of attachments) {
    const encoded = Math.ceil(a.content.byteLength / 3) * 4 * (4 / 3);
    if (a.content.byteLength > UPLOAD_SESSION_THRESHOLD || encoded > budget) uploaded.push(a);
    else {
      inline.push(a);
      budget -= encoded;
    }
  }
  return { inline, uploaded };
}
