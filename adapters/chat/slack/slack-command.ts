// The `/ar` slash command: parsed into one of the lookups, help, or an admin command. Pure;
// slack-command.handler.ts runs what it parses.
//
//   /ar customer <name or account>     /ar invoice <number>     /ar tasks [mine|team]
//   /ar stats                          /ar help                 /ar whoami | user … | role … | away … | team …

export type ArCommand =
  | { kind: 'help' }
  | { kind: 'customer'; query: string }
  | { kind: 'invoice'; number: string }
  | { kind: 'tasks'; scope: 'mine' | 'team' }
  | { kind: 'stats' }
  | { kind: 'admin'; text: string }
  | { kind: 'unknown'; text: string };

const ADMIN_VERBS = new Set(['whoami', 'user', 'role', 'away', 'team']);

/** Reads what followed `/ar`. Slack's escaped user mentions (`<@U123|ana>`) become bare ids. */
export function parseArCommand(raw: string): ArCommand {
  const text = raw.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, '$1').trim();
  const [verb = '', ...rest] = text.split(/\s+/).filter((w) => w !== '');
  const args = rest.join(' ');
  switch (verb.toLowerCase()) {
    case '':
    case 'help':
    case '?':
      return { kind: 'help' };
    case 'customer':
    case 'customers':
      return args === '' ? { kind: 'unknown', text } : { kind: 'customer', query: args };
    case 'invoice':
    case 'inv':
      return args === '' ? { kind: 'unknown', text } : { kind: 'invoice', number: args };
    case 'tasks':
    case 'task':
    case 'queue': {
      const scope = args.toLowerCase();
      if (scope === '' || scope === 'team') return { kind: 'tasks', scope: 'team' };
      if (scope === 'mine' || scope === 'my' || scope === 'me') return { kind: 'tasks', scope: 'mine' };
      return { kind: 'unknown', text };
    }
    case 'stats':
    case 'status':
      return { kind: 'stats' };
    default:
      return ADMIN_VERBS.has(verb.toLowerCase()) ? { kind: 'admin', text } : { kind: 'unknown', text };
  }
}
