// One file snapshot per intent (and one multi-intent reply) per language: subject, text and HTML.
import { describe, expect, it } from 'vitest';
import { REPLY_CASES, replyViewModel } from '../test/fixtures/reply-view-model.js';
import { loadTemplates } from './engine.js';
import { TEMPLATE_LANGUAGES } from './locales.js';

const templates = await loadTemplates();

describe.each(TEMPLATE_LANGUAGES)('reply in %s', (language) => {
  it.each(Object.entries(REPLY_CASES))('%s', async (name, request) => {
    const out = templates.render(await replyViewModel({ ...request, language }));
    const file = `Subject: ${out.subject}\n\n----- text -----\n${out.text}\n----- html -----\n${out.html}`;
    await expect(file).toMatchFileSnapshot(`__snapshots__/${language}/${name}.txt`);
  });
});
