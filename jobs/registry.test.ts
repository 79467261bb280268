import { describe, expect, it } from 'vitest';
import { configFixture } from '../app/config/config.fixture.js';
import { jobDefinitionsFor } from './registry.js';

describe('job registry', () => {
  it('runs the outbox job only when our AR mailbox is configured', () => {
    expect(jobDefinitionsFor(configFixture(), '/tmp').map((j) => j.name)).toEqual(['job-history-cleanup']);
    expect(jobDefinitionsFor(configFixture({ company: { arMailbox: 'ar@northwind.example' } }), '/tmp').map((j) => j.name)).toEqual(['job-history-cleanup', 'outbox-send']);
  });
});
