// Requests to arbot's Slack endpoint as Slack sends them: signed with the app's signing secret
// (v0 HMAC-SHA256 of "v0:timestamp:body"), each on its own connection (no keep-alive, so the
// server under test closes cleanly).
import { createHmac } from 'node:crypto';
import { request } from 'node:http';

/** The `x-slack-signature` of `body` sent at `timestamp` (seconds). */
export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** What arbot answered, and how long it took. */
export interface SlackSent {
  status: number;
  body: string;
  ms: number;
}

/** POSTs `body` to `url` signed now with `secret`; `headers` override the signed ones (undefined leaves one out). */
export function postSignedToSlack(url: string, secret: string, body: string, contentType: string, headers: Record<string, string | undefined> = {}): Promise<SlackSent> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const all: Record<string, string | undefined> = {
    'content-type': contentType,
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': slackSignature(secret, timestamp, body),
    ...headers,
  };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Record<string, string> }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The form body of `/ar <text>` typed by the Slack user `userId` in a channel, as Slack POSTs it. */
export function slashCommandBody(o: { teamId: string; channelId: string; channelName: string; userId: string; text: string; responseUrl: string; triggerId: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: o.teamId,
    team_domain: 'northwind',
    channel_id: o.channelId,
    channel_name: o.channelName,
    user_id: o.userId,
    user_name: o.userId.toLowerCase(),
    command: '/ar',
    text: o.text,
    api_app_id: 'A0ARBOT',
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: o.triggerId,
  }).toString();
}
