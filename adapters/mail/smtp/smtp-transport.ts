// The SMTP connection settings, turned into a nodemailer transport at the edge.
import nodemailer from 'nodemailer';
import { isLoopback } from '../imap/imap-connection.js';
import type { SmtpTransport } from './smtp.mail-sender.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); false: plain, upgraded with STARTTLS (required unless on loopback). */
  secure: boolean;
  user?: string;
  password?: string;
  /** Connection, greeting and socket timeout in ms (default 30 s). */
  timeoutMs?: number;
}

/** A nodemailer SMTP transport; no connection is made until the first send. */
export function createSmtpTransport(settings: SmtpSettings): SmtpTransport {
  const timeout = settings.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    // Credentials never cross the network in clear: STARTTLS is required off loopback.
    requireTLS: !settings.secure && !isLoopback(settings.host),
    ...(settings.user !== undefined ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return { sendMail: (mail) => transporter.sendMail(mail) };
}
