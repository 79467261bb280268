import { buildConfigSchema, type ArbotConfig } from './schema.js';

type Overrides = { [K in keyof ArbotConfig]?: Partial<ArbotConfig[K]> };

/** A valid config for tests: the defaults, with `overrides` merged per section. */
export function configFixture(overrides: Overrides = {}): ArbotConfig {
  const config = buildConfigSchema({ hostname: 'test-host', pid: 1 }).parse({});
  return {
    server: { ...config.server, ...overrides.server },
    storage: { ...config.storage, ...overrides.storage },
    log: { ...config.log, ...overrides.log },
    jobs: { ...config.jobs, ...overrides.jobs },
    tenant: { ...config.tenant, ...overrides.tenant },
    demo: { ...config.demo, ...overrides.demo },
    pipeline: { ...config.pipeline, ...overrides.pipeline },
    automation: { ...config.automation, ...overrides.automation },
    matching: { ...config.matching, ...overrides.matching },
    company: { ...config.company, ...overrides.company },
    replies: { ...config.replies, ...overrides.replies },
    tasks: { ...config.tasks, ...overrides.tasks },
    openai: { ...config.openai, ...overrides.openai },
    teams: { ...config.teams, ...overrides.teams },
    slack: { ...config.slack, ...overrides.slack },
    mail: { ...config.mail, ...overrides.mail },
    dashboard: { ...config.dashboard, ...overrides.dashboard },
    sor: { ...config.sor, ...overrides.sor },
  };
}
