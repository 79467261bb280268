// Every job arbot runs. Adding a job means writing its file and adding one line here.
import type { JobDefinition } from './job-definition.js';
import { jobHistoryCleanupJob } from './job-history-cleanup.job.js';

export const jobDefinitions: readonly JobDefinition[] = [jobHistoryCleanupJob];
