import { describe, expect, it } from 'vitest';
import { escapeSlack, mentionedIds, slackText } from './slack-text.js';

const ana = { userId: 'u1', displayName: 'Ana Lima', slackUserId: 'U0ANA' };
const an = { userId: 'u3', displayName: 'Ana', slackUserId: 'U0AN' };
const ben = { userId: 'u2', displayName: 'Ben Okafor' };

describe('Slack text', () => {
  it('escapes the control characters', () => {
    expect(escapeSlack('a < b & c > d <!channel>')).toBe('a &lt; b &amp; c &gt; d &lt;!channel&gt;');
  });

  it('writes mentions as <@U…>, longest name first, and leaves people without a Slack id as text', () => {
    const r = slackText({ text: '@Ana Lima and @Ana, ask @Ben Okafor', mentions: [an, ana, ben] });
    expect(r.text).toBe('<@U0ANA> and <@U0AN>, ask @Ben Okafor');
    expect(r.mentioned).toEqual(['U0ANA', 'U0AN']);
  });

  it('a mention written in the text cannot be smuggled in', () => {
    expect(slackText({ text: 'see <@U0EVIL> and <!here>' }).text).toBe('see &lt;@U0EVIL&gt; and &lt;!here&gt;');
  });

  it('reads mentioned ids back from text or blocks', () => {
    expect(mentionedIds(['hi <@U0ANA>', [{ text: { text: '<@W0BEN|ben> <@U0ANA>' } }]])).toEqual(['U0ANA', 'W0BEN']);
    expect(mentionedIds('nobody')).toEqual([]);
  });
});
