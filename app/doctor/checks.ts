// Every check `arbot doctor` runs, in order; adding one is one line here. Storage comes first:
// it opens the database the SoR check reads.
import type { Check } from './check.js';
import { checkSlack, checkTeams } from './chat.check.js';
import { checkMailbox } from './mailbox.check.js';
import { checkOpenAI } from './openai.check.js';
import { checkSor } from './sor.check.js';
import { checkStorage, type OpenedStore } from './storage.check.js';

/** The checks; whatever storage they open is added to `opened` for the caller to close. */
export function doctorChecks(opened: OpenedStore[]): ReadonlyArray<{ name: string; run: Check }> {
  return [
    { name: 'storage', run: (ctx) => checkStorage(ctx, opened) },
    { name: 'mailbox', run: checkMailbox },
    { name: 'SoR', run: checkSor },
    { name: 'Teams', run: (ctx) => checkTeams(ctx) },
    { name: 'Slack', run: checkSlack },
    { name: 'OpenAI', run: checkOpenAI },
  ];
}
