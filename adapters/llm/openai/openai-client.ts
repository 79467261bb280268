// The one place an OpenAI client is built. Every option is passed explicitly so that the SDK's
// own environment fallbacks (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID, …) never apply:
// arbot's typed configuration is the only source of settings.
import OpenAI, { AzureOpenAI } from 'openai';
import { ConfigError } from '../../../app/config/config-error.js';
import type { ArbotConfig } from '../../../app/config/schema.js';

const OPENAI_API_URL = 'https://api.openai.com/v1';

/** The settings the client needs: the `openai` section of the configuration. */
export type OpenAIClientConfig = ArbotConfig['openai'];

/**
 * Builds the client for api.openai.com, an OpenAI-compatible server (`baseUrl`), or Azure OpenAI:
 * its v1 API through `baseUrl` alone, or its versioned API when `azureApiVersion` is set.
 */
export function createOpenAIClient(config: OpenAIClientConfig): OpenAI {
  if (!config.apiKey) {
    throw new ConfigError(['OPENAI_API_KEY (openai.apiKey): is required when the OpenAI model is selected']);
  }
  const common = {
    apiKey: config.apiKey,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
  };
  if (config.azureApiVersion === undefined) {
    return new OpenAI({ ...common, baseURL: config.baseUrl ?? OPENAI_API_URL });
  }
  if (!config.baseUrl) {
    throw new ConfigError(['OPENAI_BASE_URL (openai.baseUrl): is required when OPENAI_AZURE_API_VERSION is set (the Azure OpenAI resource endpoint)']);
  }
  return new AzureOpenAI({ ...common, apiVersion: config.azureApiVersion, ...azureAddress(config.baseUrl) });
}

// A bare resource URL (https://r.openai.azure.com) is an endpoint, to which the SDK adds /openai;
// a URL with a path (…/openai or …/openai/deployments/x) is used as given.
function azureAddress(url: string): { endpoint: string } | { baseURL: string } {
  return new URL(url).pathname.replace(/\/+$/, '') === '' ? { endpoint: url } : { baseURL: url };
}
