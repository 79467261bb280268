// Takes one raw message from a mailbox to a stored email with its analysis, exactly once per
// Message-ID: the same message arriving twice (webhook + poll, retries) is one email with one
// decision. Nothing is dropped: a message the pipeline cannot handle is stored as failed.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { EmailAnalysis as StoredAnalysis } from '../../core/domain/email-analysis.js';
import { analyzeEmail, type EmailAnalysis, type PipelineDeps } from '../../core/pipeline/analyze.js';
import type { ParsedEmail } from '../../core/pipeline/parsed-email.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { NewEmail } from '../../storage/repositories/email.repo.js';
import type { RawEmailStore } from './raw-email-store.js';

/** Bump when a pipeline change makes older analyses stale. */
export const PIPELINE_VERSION = 1;

export interface IntakeResult {
  emailId: string;
  /** True when this Message-ID had been taken in before; its earlier analysis is returned. */
  duplicate: boolean;
  analysis: StoredAnalysis | null;
  failed?: string;
}

export interface EmailIntakeDeps {
  repos: Pick<Repositories, 'emails' | 'analyses'>;
  raw: RawEmailStore;
  pipeline: PipelineDeps;
  mailbox: string;
  logger: Logger;
  now: () => Date;
}

export class EmailIntake {
  constructor(private readonly deps: EmailIntakeDeps) {}

  /** Stores and analyses one message; idempotent by Message-ID. */
  async ingest(raw: Uint8Array, receivedAt?: Date): Promise<IntakeResult> {
    let result: EmailAnalysis;
    try {
      result = await analyzeEmail(raw, this.deps.pipeline);
    } catch (err) {
      return this.keepFailed(raw, err, receivedAt);
    }
    const now = this.deps.now();
    const { inserted, email } = await this.deps.repos.emails.insertIfNew(toNewEmail(result.parsed, this.deps.mailbox, receivedAt ?? result.parsed.date ?? now), now);
    await this.deps.raw.put(email.id, raw);
    if (!inserted) {
      const earlier = await this.deps.repos.analyses.findByMessageId(email.messageId);
      if (earlier) return { emailId: email.id, duplicate: true, analysis: earlier };
      // stored before a crash but never analysed: finish the job now
    }
    const { analysis } = await this.deps.repos.analyses.saveOnce({
      emailId: email.id,
      messageId: email.messageId,
      pipelineVersion: PIPELINE_VERSION,
      model: result.understanding.model,
      language: result.normalized.language,
      intents: result.decision.intents,
      scores: result.understanding.scores,
      entities: result.understanding.entities,
      match: result.match,
      decision: result.decision,
      newText: result.normalized.newText,
      ...(result.normalized.hiddenText ? { hiddenText: result.normalized.hiddenText } : {}),
      problems: [...result.parsed.problems, ...result.normalized.problems],
      timingsMs: result.timings,
      createdAt: now,
    });
    await this.deps.repos.emails.markProcessed(email.id, now);
    return { emailId: email.id, duplicate: !inserted, analysis };
  }

  /** A message the pipeline failed on is stored (raw and as a failed email) for a person to look at. */
  private async keepFailed(raw: Uint8Array, err: unknown, receivedAt?: Date): Promise<IntakeResult> {
    const message = err instanceof Error ? err.message : String(err);
    this.deps.logger.error({ err }, 'pipeline failed on a message; stored as failed');
    const now = this.deps.now();
    const messageId = `${createHash('sha256').update(raw).digest('hex')}@arbot.invalid`;
    const { email, inserted } = await this.deps.repos.emails.insertIfNew(
      {
        messageId,
        threadKey: messageId,
        mailbox: this.deps.mailbox,
        from: { address: '' },
        to: [],
        cc: [],
        replyTo: [],
        subject: '(could not be processed)',
        receivedAt: receivedAt ?? now,
        headers: {},
        attachments: [],
      },
      now,
    );
    await this.deps.raw.put(email.id, raw);
    if (inserted) await this.deps.repos.emails.markFailed(email.id, `pipeline error: ${message}`, now);
    return { emailId: email.id, duplicate: !inserted, analysis: null, failed: message };
  }
}

/** The stored form of a parsed message. */
export function toNewEmail(parsed: ParsedEmail, mailbox: string, receivedAt: Date): NewEmail {
  return {
    messageId: parsed.messageId,
    threadKey: parsed.references[0] ?? parsed.inReplyTo ?? parsed.messageId,
    mailbox,
    from: parsed.from ?? { address: '' },
    to: parsed.to,
    cc: parsed.cc,
    replyTo: parsed.replyTo,
    subject: parsed.subject,
    receivedAt,
    headers: {
      ...(parsed.date ? { date: parsed.date.toISOString() } : {}),
      ...(parsed.inReplyTo ? { inReplyTo: parsed.inReplyTo } : {}),
      references: parsed.references,
      ...(parsed.headers.autoSubmitted ? { autoSubmitted: parsed.headers.autoSubmitted } : {}),
      ...(parsed.headers.authenticationResults[0] ? { authenticationResults: parsed.headers.authenticationResults[0] } : {}),
      ...(parsed.headers.precedence ? { precedence: parsed.headers.precedence } : {}),
    },
    text: parsed.text,
    ...(parsed.html ? { html: parsed.html } : {}),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? '(unnamed)',
      contentType: a.contentType,
      size: a.size,
      ...(a.contentId ? { contentId: a.contentId } : {}),
      ...(a.content ? { sha256: createHash('sha256').update(a.content).digest('hex') } : {}),
    })),
  };
}
