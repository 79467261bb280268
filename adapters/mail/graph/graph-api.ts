// The Graph calls the mailbox adapters make, over an injected SDK client (built at the edge by
// graph-client.ts, or in tests over nock). Every call goes through one CallPolicy (four at a
// time per mailbox, Retry-After honoured) and carries `Prefer: IdType="ImmutableId"`, so a
// message keeps its id when it moves (Drafts → Sent Items, Inbox → another folder) and ids
// stored in one run still mean the same message in the next.
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { CallPolicy, type CallPolicyOptions } from '../http/call-policy.js';
import { graphFailure, isThrottledOrTransient } from './graph-errors.js';

export const IMMUTABLE_ID = 'IdType="ImmutableId"';

export interface GraphApiOptions {
  client: Client;
  /** The mailbox (UPN or id) every path is relative to. */
  mailbox: string;
  /** Overrides of the call policy (tests pass a fake sleep). */
  policy?: Partial<Omit<CallPolicyOptions, 'classify'>>;
}

/** Graph requests for one mailbox. */
export class GraphApi {
  readonly mailbox: string;
  /** `/users/{mailbox}`, the root of every mailbox path. */
  readonly root: string;
  private readonly client: Client;
  private readonly policy: CallPolicy;

  constructor(options: GraphApiOptions) {
    this.client = options.client;
    this.mailbox = options.mailbox;
    this.root = `/users/${encodeURIComponent(options.mailbox)}`;
    this.policy = new CallPolicy({
      ...options.policy,
      classify: (err) => {
        const f = graphFailure(err);
        return { retry: isThrottledOrTransient(f), ...(f.retryAfterSeconds === undefined ? {} : { retryAfterMs: f.retryAfterSeconds * 1000 }) };
      },
    });
  }

  /** GET a JSON resource; `path` may be a full URL (a nextLink or deltaLink). */
  get<T>(path: string, prefer: readonly string[] = []): Promise<T> {
    return this.policy.run(`GET ${path}`, () => this.client.api(path).header('Prefer', preferHeader(prefer)).get() as Promise<T>);
  }

  /** GET raw bytes (a message's MIME at `/messages/{id}/$value`). */
  getBytes(path: string): Promise<Buffer> {
    return this.policy.run(`GET ${path}`, async () => {
      // RAW, because the SDK drops the response headers (Retry-After) from errors of binary requests.
      const res = (await this.client.api(path).header('Prefer', preferHeader([])).responseType(ResponseType.RAW).get()) as Response;
      if (!res.ok) throw await rawFailure(res);
      return Buffer.from(await res.arrayBuffer());
    });
  }

  /** POST JSON (or, with `contentType`, a string body as is); resolves with the response JSON, if any. */
  post<T>(path: string, body: unknown, contentType?: string): Promise<T> {
    return this.policy.run(`POST ${path}`, () => {
      let request = this.client.api(path).header('Prefer', preferHeader([]));
      if (contentType !== undefined) request = request.header('Content-Type', contentType);
      return request.post(body) as Promise<T>;
    });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.policy.run(`PATCH ${path}`, () => this.client.api(path).header('Prefer', preferHeader([])).patch(body) as Promise<T>);
  }

  delete(path: string): Promise<void> {
    return this.policy.run(`DELETE ${path}`, async () => {
      await this.client.api(path).header('Prefer', preferHeader([])).delete();
    });
  }

  /** Runs another request (an upload-session PUT, which goes to a non-Graph URL) under the same policy. */
  run<T>(what: string, call: () => Promise<T>): Promise<T> {
    return this.policy.run(what, call);
  }
}

function preferHeader(extra: readonly string[]): string {
  return [IMMUTABLE_ID, ...extra].join(', ');
}

/** A failed raw response as a GraphError-like object (status, Graph's error code, headers). */
export async function rawFailure(res: Response): Promise<{ statusCode: number; code: string; message: string; headers: Headers }> {
  const text = await res.text();
  let code = `HTTP${res.status}`;
  let message = text.slice(0, 200);
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // Not JSON: the start of the text is the message.
  }
  return { statusCode: res.status, code, message, headers: res.headers };
}
