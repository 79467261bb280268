import { AzureOpenAI } from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../app/config/config-error.js';
import { configFixture } from '../../../app/config/config.fixture.js';
import { clientConfigFixture } from './fixtures/openai.fixture.js';
import { createOpenAIClient } from './openai-client.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createOpenAIClient', () => {
  it('takes the openai section of the loaded configuration', () => {
    const config = configFixture({ openai: { apiKey: 'sk-cfg', timeoutMs: 15_000, maxRetries: 4 } });
    const client = createOpenAIClient(config.openai);
    expect(client.baseURL).toBe('https://api.openai.com/v1');
    expect(client.apiKey).toBe('sk-cfg');
    expect(client.timeout).toBe(15_000);
    expect(client.maxRetries).toBe(4);
  });

  it('uses only the configuration, never the SDK\'s own environment fallbacks', () => {
    vi.stubEnv('OPENAI_BASE_URL', 'http://env.example/v1');
    vi.stubEnv('OPENAI_ORG_ID', 'org-from-env');
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj-from-env');
    vi.stubEnv('OPENAI_ADMIN_KEY', 'admin-from-env');
    const client = createOpenAIClient(clientConfigFixture());
    expect(client.baseURL).toBe('https://api.openai.com/v1');
    expect(client.organization).toBeNull();
    expect(client.project).toBeNull();
    expect(client.adminAPIKey).toBeNull();
  });

  it('uses a configured base URL', () => {
    expect(createOpenAIClient(clientConfigFixture({ baseUrl: 'http://localhost:8000/v1' })).baseURL).toBe('http://localhost:8000/v1');
  });

  it('builds an Azure OpenAI client when an API version is set', () => {
    const client = createOpenAIClient(clientConfigFixture({ baseUrl: 'https://r.openai.azure.com/', azureApiVersion: '2024-10-21' }));
    expect(client).toBeInstanceOf(AzureOpenAI);
    expect(client.baseURL).toBe('https://r.openai.azure.com/openai');
  });

  it('requires an API key', () => {
    expect(() => createOpenAIClient(clientConfigFixture({ apiKey: undefined }))).toThrow(ConfigError);
    expect(() => createOpenAIClient(clientConfigFixture({ apiKey: undefined }))).toThrow(
      'Invalid configuration: OPENAI_API_KEY (openai.apiKey): is required when the OpenAI model is selected',
    );
  });

  it('requires the Azure endpoint with an Azure API version', () => {
    expect(() => createOpenAIClient(clientConfigFixture({ azureApiVersion: '2024-10-21' }))).toThrow(/OPENAI_BASE_URL \(openai\.baseUrl\): is required/);
  });
});
