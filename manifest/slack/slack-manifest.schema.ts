// The shape of arbot's Slack app manifest, as a zod schema: Slack's own limits (name 35
// characters, description 140, long description 175–4000, command 2–32 …) and ours: every URL
// https, command names lower-case, each event's scope requested.
import { z } from 'zod';

const httpsUrl = z.string().max(3000).refine((value) => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false; // not a URL: the refinement's message says what is expected
  }
}, 'must be an absolute https:// URL');

/** The scope a bot event needs; events without an entry need none. */
const eventScopes: Readonly<Record<string, string>> = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.mpim': 'mpim:history',
};

const unique = (items: readonly string[]) => new Set(items).size === items.length;

export const slackManifestSchema = z
  .strictObject({
    display_information: z.strictObject({
      name: z.string().min(1).max(35),
      description: z.string().min(1).max(140),
      long_description: z.string().min(175).max(4000).optional(),
      background_color: z.string().regex(/^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i, 'must be a hex colour such as #2B5797'),
    }),
    features: z.strictObject({
      app_home: z.strictObject({
        home_tab_enabled: z.boolean(),
        messages_tab_enabled: z.boolean(),
        messages_tab_read_only_enabled: z.boolean(),
      }),
      bot_user: z.strictObject({
        display_name: z.string().min(1).max(80).regex(/^[a-z0-9._-]+$/, 'may contain only a-z, 0-9, ".", "_" and "-"'),
        always_online: z.boolean(),
      }),
      slash_commands: z
        .array(
          z.strictObject({
            command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/, 'must be "/" and 1–31 lower-case letters, digits, "_" or "-"'),
            url: httpsUrl,
            description: z.string().min(1).max(2000),
            usage_hint: z.string().min(1).max(1000).optional(),
            should_escape: z.boolean(),
          }),
        )
        .min(1)
        .max(50)
        .refine((commands) => unique(commands.map((c) => c.command)), 'must not declare a command twice'),
    }),
    oauth_config: z.strictObject({
      redirect_urls: z.array(httpsUrl).min(1).max(1000),
      scopes: z.strictObject({
        bot: z.array(z.string().regex(/^[a-z][a-z0-9_.:-]*$/, 'must be a scope such as chat:write')).min(1).max(255)
          .refine(unique, 'must not repeat a scope'),
        user: z.array(z.string().regex(/^[a-z][a-z0-9_.:-]*$/, 'must be a scope such as openid')).max(255)
          .refine(unique, 'must not repeat a scope').optional(),
      }),
    }),
    settings: z.strictObject({
      event_subscriptions: z.strictObject({
        request_url: httpsUrl,
        bot_events: z.array(z.string().regex(/^[a-z_]+(?:\.[a-z_]+)?$/, 'must be an event type such as app_mention')).min(1).max(100)
          .refine(unique, 'must not repeat an event'),
      }),
      interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: httpsUrl }),
      org_deploy_enabled: z.boolean(),
      socket_mode_enabled: z.literal(false),
      token_rotation_enabled: z.boolean(),
    }),
  })
  .superRefine((manifest, ctx) => {
    const scopes = new Set(manifest.oauth_config.scopes.bot);
    manifest.settings.event_subscriptions.bot_events.forEach((event, i) => {
      const scope = eventScopes[event];
      if (scope !== undefined && !scopes.has(scope)) {
        ctx.addIssue({ code: 'custom', path: ['settings', 'event_subscriptions', 'bot_events', i], message: `${event} needs the ${scope} bot scope` });
      }
    });
    if (!scopes.has('commands')) {
      ctx.addIssue({ code: 'custom', path: ['oauth_config', 'scopes', 'bot'], message: 'slash commands need the commands bot scope' });
    }
  });

/** arbot's Slack app manifest (HTTP mode: Slack calls our request URLs). */
export type SlackManifest = z.infer<typeof slackManifestSchema>;

/** Problems with the manifest as "path: message" lines; empty when it is valid. */
export function validateSlackManifest(manifest: unknown): string[] {
  const result = slackManifestSchema.safeParse(manifest);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.length === 0 ? '(manifest)' : issue.path.join('.')}: ${issue.message}`);
}
