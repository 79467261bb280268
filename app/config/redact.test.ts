import { describe, expect, it } from 'vitest';
import { configFixture } from './config.fixture.js';
import { redactConfig, redactUriCredentials } from './redact.js';
import { settings } from './schema.js';

describe('redactConfig', () => {
  it('replaces secret values with ***', () => {
    const config = configFixture({ storage: { mongodbUri: 'mongodb+srv://admin:hunter22@cluster0.example.net/arbot' } });
    const redacted = redactConfig(config);
    expect(redacted.storage.mongodbUri).toBe('***');
    expect(JSON.stringify(redacted)).not.toContain('hunter22');
    expect(config.storage.mongodbUri).toContain('hunter22');
  });

  it('keeps unset secrets unset and other values as they are', () => {
    const config = configFixture();
    expect(redactConfig(config)).toEqual(config);
  });

  it('redacts passwords inside URIs of settings that are not secret', () => {
    const config = configFixture({ server: { publicUrl: 'https://bot:hunter22@bot.example.com/path?q=a@b' } });
    expect(redactConfig(config).server.publicUrl).toBe('https://bot:***@bot.example.com/path?q=a@b');
  });

  it('redacts the OpenAI API key', () => {
    const config = configFixture({ openai: { apiKey: 'sk-hunter22' } });
    expect(redactConfig(config).openai.apiKey).toBe('***');
    expect(settings.find((item) => item.env === 'OPENAI_API_KEY')?.secret).toBe(true);
  });

  it('declares MONGODB_URI secret', () => {
    expect(settings.find((item) => item.env === 'MONGODB_URI')?.secret).toBe(true);
  });
});

describe('redactUriCredentials', () => {
  it.each([
    ['mongodb://u:p%40ss@h1:1,h2:2/db', 'mongodb://u:***@h1:1,h2:2/db'],
    ['mongodb://h/db', 'mongodb://h/db'],
    ['http://host:80/a@b', 'http://host:80/a@b'],
    ['plain text', 'plain text'],
  ])('%s → %s', (input, expected) => {
    expect(redactUriCredentials(input)).toBe(expected);
  });
});
