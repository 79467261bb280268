import { describe, expect, it } from 'vitest';
import { configFixture } from '../app/config/config.fixture.js';
import { jobDefinitionsFor } from './registry.js';

describe('job registry', () => {
  it('runs the outbox job only when our AR mailbox is configured', () => {
    expect(jobDefinitionsFor(configFixture(), '/tmp').map((j) => j.name)).toEqual(['job-history-cleanup']);
    expect(jobDefinitionsFor(configFixture({ company: { arMailbox: 'ar@northwind.example' } }), '/tmp').map((j) => j.name)).toEqual(['job-history-cleanup', 'outbox-send']);
  });

  it('syncs the mailbox when a mail provider is configured, polling at its interval', () => {
    const jobs = jobDefinitionsFor(configFixture({ mail: { provider: 'folder', pollEvery: '30 seconds' } }), '/tmp');
    expect(jobs.map((j) => j.name)).toEqual(['job-history-cleanup', 'mail-sync']);
    expect(jobs.find((j) => j.name === 'mail-sync')?.every).toBe('30 seconds');
    expect(() => jobDefinitionsFor(configFixture({ mail: { provider: 'imap' } }), '/tmp')).toThrow(/IMAP_HOST/);
  });
});
