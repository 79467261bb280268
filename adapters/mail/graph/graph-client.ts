// Builds the Graph SDK client at the edge: app-only auth with client credentials (a secret or
// a certificate) for the tenant, and a middleware chain of authentication and the HTTP call
// only. The SDK's own retry handler is left out on purpose: throttling is handled once, by
// the CallPolicy in graph-api.ts, whose waits tests can replace.
import { ClientCertificateCredential, ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { AuthenticationHandler, Client, HTTPMessageHandler, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphCredentialSettings {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  /** PEM file holding the certificate and its private key. */
  certificatePath?: string;
}

/** The app's credential: the certificate when one is configured, else the secret. */
export function graphCredential(s: GraphCredentialSettings): TokenCredential {
  if (s.certificatePath !== undefined) return new ClientCertificateCredential(s.tenantId, s.clientId, { certificatePath: s.certificatePath });
  if (s.clientSecret !== undefined) return new ClientSecretCredential(s.tenantId, s.clientId, s.clientSecret);
  throw new Error('Graph needs GRAPH_CLIENT_SECRET or GRAPH_CERTIFICATE_PATH');
}

/** A token source for the Graph client: a credential, or (in tests) a function. */
export type GraphTokenSource = TokenCredential | (() => Promise<string>);

/** An SDK client whose requests carry a token from `tokens`. */
export function createGraphClient(tokens: GraphTokenSource, baseUrl?: string): Client {
  const authProvider: AuthenticationProvider = {
    async getAccessToken() {
      if (typeof tokens === 'function') return tokens();
      const token = await tokens.getToken(GRAPH_SCOPE);
      if (token === null) throw Object.assign(new Error('no Graph token was issued'), { name: 'AuthenticationError' });
      return token.token;
    },
  };
  return Client.initWithMiddleware({
    middleware: [new AuthenticationHandler(authProvider), new HTTPMessageHandler()],
    defaultVersion: 'v1.0',
    ...(baseUrl === undefined ? {} : { baseUrl }),
  });
}
