import { z } from 'zod';
import { isComputedDefault, setting, type ConfigShape, type DefaultContext, type Setting } from './setting.js';
import { boolean, decimal, guid, httpUrl, integer, listOf, mongodbUri, numbersByName, oneOf, optional, secretsByName, text } from './setting-types.js';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every arbot setting, declared once. Docs, validation, env mapping and redaction derive from this list. */
export const settings = [
  setting({
    key: 'server.host', env: 'ARBOT_HOST', ...text(), default: '127.0.0.1',
    description: 'Address the HTTP server binds to; use 0.0.0.0 to accept outside connections.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'server.port', env: 'PORT', ...integer(1, 65535), default: 3978,
    description: 'HTTP port for the chat endpoints, the health check and the tab.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'server.publicUrl', env: 'ARBOT_PUBLIC_URL', ...optional(httpUrl()),
    description: 'Public https address of this server, as Teams and Slack reach it.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'storage.mongodbUri', env: 'MONGODB_URI', ...optional(mongodbUri()),
    description: 'MongoDB to use; when unset arbot runs its embedded MongoDB-compatible server in storage.dataDir.',
    secret: true, requiredWhen: 'never',
  }),
  setting({
    key: 'storage.dataDir', env: 'ARBOT_DATA_DIR', ...text(), default: './data',
    description: 'Folder for the embedded server\'s data files (relative to the working directory).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'storage.dbName', env: 'ARBOT_DB_NAME', ...text(), default: 'arbot',
    description: 'Database name.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'storage.embeddedPort', env: 'ARBOT_EMBEDDED_PORT', ...integer(0, 65535), default: 0,
    description: 'Port of the embedded server; 0 picks any free port.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'storage.journalCompactBytes', env: 'ARBOT_JOURNAL_COMPACT_BYTES', ...integer(1024), default: 67108864,
    description: 'The embedded server compacts its journal once it grows past this many bytes.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'log.level', env: 'LOG_LEVEL', ...oneOf(logLevels), default: 'info',
    description: 'Lowest log level written.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'log.pretty', env: 'LOG_PRETTY', ...boolean(), default: false,
    description: 'Write human-readable log lines instead of JSON.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'jobs.enabled', env: 'ARBOT_JOBS_ENABLED', ...boolean(), default: true,
    description: 'Run background jobs (mail polling, SoR sync, reminders) in this process.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'jobs.workerName', env: 'ARBOT_WORKER_NAME', ...text(),
    default: { compute: ({ hostname, pid }: DefaultContext) => `${hostname}-${pid}`, shownAs: '<hostname>-<pid>' },
    description: 'Name this process uses when it locks jobs, so a stuck lock can be traced to its owner.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'jobs.maxConcurrency', env: 'ARBOT_JOBS_CONCURRENCY', ...integer(1, 1000), default: 10,
    description: 'Most jobs this process runs at the same time.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'jobs.processEvery', env: 'ARBOT_JOBS_PROCESS_EVERY', ...text(), default: '5 seconds',
    description: 'How often the job queue is polled, as an interval such as "5 seconds".',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'tenant.id', env: 'ARBOT_TENANT_ID', ...text(), default: 'default',
    description: 'Tenant these settings belong to; stored on every record.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'demo.mode', env: 'ARBOT_DEMO', ...oneOf(['auto', 'off'] as const), default: 'auto',
    description: 'auto: on the first start with the embedded store, no SoR data and no mailbox, import the bundled demo company and process its inbox; off: never.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'pipeline.model', env: 'ARBOT_INTENT_MODEL', ...oneOf(['offline', 'openai'] as const), default: 'offline',
    description: 'Which model reads emails: offline (built in, no network) or openai (see the OPENAI_* settings).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'automation.intents', env: 'ARBOT_AUTOMATION_INTENTS', ...listOf(['invoice_copy', 'balance_statement', 'payment_status'] as const),
    default: ['invoice_copy', 'balance_statement', 'payment_status'],
    description: 'Intents that may be answered automatically (the per-intent automation switches); none turns automatic replies off.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'automation.minConfidence', env: 'ARBOT_AUTOMATION_MIN_CONFIDENCE', ...decimal(0, 1), default: 0.5,
    description: 'Lowest model confidence at which an automated intent may be answered without a person.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'automation.minConfidenceByIntent', env: 'ARBOT_AUTOMATION_MIN_CONFIDENCE_BY_INTENT',
    ...numbersByName(['invoice_copy', 'balance_statement', 'payment_status'] as const, 0, 1), default: {},
    description: 'Per-intent confidence thresholds overriding the general one, e.g. balance_statement=0.7,payment_status=0.8.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'automation.requireDmarcPass', env: 'ARBOT_REQUIRE_DMARC_PASS', ...boolean(), default: true,
    description: 'Answer automatically only when DMARC passed, where the receiving server recorded a DMARC verdict.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'matching.relaxedRules', env: 'ARBOT_RELAXED_MATCHING',
    ...listOf(['case_or_separators', 'missing_prefix', 'leading_zeros', 'one_digit_typo', 'transposed_digits', 'po_number'] as const),
    default: ['case_or_separators', 'missing_prefix', 'leading_zeros', 'one_digit_typo', 'transposed_digits', 'po_number'],
    description: 'How invoice references may differ from SoR numbers and still be matched (typo and transposition matches always go to review).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'company.name', env: 'ARBOT_COMPANY_NAME', ...text(), default: 'Accounts Receivable',
    description: 'Your company name as it appears in replies and documents.',
    secret: false, requiredWhen: 'when replies are sent',
  }),
  setting({
    key: 'company.arMailbox', env: 'ARBOT_AR_MAILBOX', ...optional(text()),
    description: 'The AR mailbox address replies are sent from (and never answered); lower-case.',
    secret: false, requiredWhen: 'when replies are sent',
  }),
  setting({
    key: 'replies.templatesDir', env: 'ARBOT_TEMPLATES_DIR', ...optional(text()),
    description: 'Folder with template overrides (same layout as templates/); each file replaces the bundled one.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'replies.shadowMode', env: 'ARBOT_SHADOW_MODE', ...boolean(), default: false,
    description: 'Shadow mode: automatic replies are drafted and shown for review as "would have auto-sent", but nothing is sent automatically.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'replies.threadWindowHours', env: 'ARBOT_THREAD_WINDOW_HOURS', ...integer(0, 8760), default: 24,
    description: 'A thread answered automatically within this many hours is not answered automatically again (loop guard); 0 turns the check off.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'replies.maxAutoRepliesPerRecipientPerDay', env: 'ARBOT_MAX_AUTO_REPLIES_PER_RECIPIENT', ...integer(1, 1000), default: 5,
    description: 'Most automatic replies one address receives in 24 hours; further emails go to review.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'replies.sendLeaseSeconds', env: 'ARBOT_SEND_LEASE_SECONDS', ...integer(30, 86400), default: 300,
    description: 'How long a worker may hold an outbox item while sending before another worker takes it over (and asks the provider whether it went out); keep it well above the mail provider\'s timeout.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'replies.maxSendAttempts', env: 'ARBOT_MAX_SEND_ATTEMPTS', ...integer(1, 50), default: 5,
    description: 'Attempts to send one reply (with exponential back-off from 30 seconds) before it fails and goes back to a person.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'replies.outboxDir', env: 'ARBOT_OUTBOX_DIR', ...text(), default: './outbox',
    description: 'Folder the outbox writes replies to as .eml files when no mailbox is configured for sending (demo, shadow runs).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'tasks.maxOpenPerUser', env: 'ARBOT_MAX_OPEN_TASKS', ...integer(1, 10000), default: 25,
    description: 'Round-robin skips a team member who already holds this many open tasks.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'tasks.defaultTeam', env: 'ARBOT_DEFAULT_TEAM', ...optional(text()),
    description: 'Team (by name) that gets tasks no distribution rule matches; unset: the only team, when there is exactly one.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'openai.apiKey', env: 'OPENAI_API_KEY', ...optional(text()),
    description: 'API key for OpenAI, Azure OpenAI or an OpenAI-compatible server (any value for a local server that needs none).',
    secret: true, requiredWhen: 'when the OpenAI model is selected',
  }),
  setting({
    key: 'openai.baseUrl', env: 'OPENAI_BASE_URL', ...optional(httpUrl()),
    description: 'Base URL of an OpenAI-compatible server (http://localhost:11434/v1) or of Azure OpenAI (https://your-resource.openai.azure.com/openai/v1); with OPENAI_AZURE_API_VERSION, the Azure resource endpoint. Unset means api.openai.com.',
    secret: false, requiredWhen: 'when OPENAI_AZURE_API_VERSION is set',
  }),
  setting({
    key: 'openai.model', env: 'OPENAI_MODEL', ...text(), default: 'gpt-4.1-mini',
    description: 'Model that reads emails; for Azure OpenAI the deployment name. It must support structured outputs (JSON schema).',
    secret: false, requiredWhen: 'when the OpenAI model is selected',
  }),
  setting({
    key: 'openai.azureApiVersion', env: 'OPENAI_AZURE_API_VERSION', ...optional(text()),
    description: 'Azure OpenAI API version, e.g. 2024-10-21; when set, requests go to the deployment named by OPENAI_MODEL at OPENAI_BASE_URL, with an api-key header.',
    secret: false, requiredWhen: 'for Azure OpenAI\'s versioned API',
  }),
  setting({
    key: 'openai.timeoutMs', env: 'OPENAI_TIMEOUT_MS', ...integer(1000, 600000), default: 20000,
    description: 'How long one request to the model may take, in milliseconds, before it is abandoned.',
    secret: false, requiredWhen: 'when the OpenAI model is selected',
  }),
  setting({
    key: 'openai.maxRetries', env: 'OPENAI_MAX_RETRIES', ...integer(0, 10), default: 2,
    description: 'How often a request that timed out or failed with 408, 409, 429 or 5xx is retried before giving up.',
    secret: false, requiredWhen: 'when the OpenAI model is selected',
  }),
  setting({
    key: 'teams.appId', env: 'MICROSOFT_APP_ID', ...optional(text()),
    description: 'Microsoft Entra application (client) id of the Teams bot, a GUID, as registered for it in Azure Bot Service; also the bot id in the Teams app package.',
    secret: false, requiredWhen: 'for Teams and `arbot teams package`',
  }),
  setting({
    key: 'teams.appPassword', env: 'MICROSOFT_APP_PASSWORD', ...optional(text()),
    description: 'Client secret of the bot\'s Entra application.',
    secret: true, requiredWhen: 'for Teams, unless MICROSOFT_APP_TYPE is UserAssignedMSI',
  }),
  setting({
    key: 'teams.tenantId', env: 'MICROSOFT_APP_TENANT_ID', ...optional(text()),
    description: 'Entra tenant (directory) id the bot\'s application is registered in.',
    secret: false, requiredWhen: 'for Teams with SingleTenant or UserAssignedMSI',
  }),
  setting({
    key: 'teams.appType', env: 'MICROSOFT_APP_TYPE', ...oneOf(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const), default: 'SingleTenant',
    description: 'How the bot\'s Entra application is registered: SingleTenant, MultiTenant, or UserAssignedMSI (a managed identity, no password).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'teams.allowUnauthenticated', env: 'ARBOT_TEAMS_ALLOW_UNAUTHENTICATED', ...boolean(), default: false,
    description: 'Accept Teams requests without a valid Bot Framework token. Only for local development with the Microsoft 365 Agents Playground; never in production.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'teams.manifestAppId', env: 'ARBOT_TEAMS_MANIFEST_ID', ...optional(guid()),
    description: 'Id of the Teams app in its manifest (a GUID); unset: the bot id, MICROSOFT_APP_ID.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'slack.botToken', env: 'SLACK_BOT_TOKEN', ...optional(text()),
    description: 'Bot token (xoxb-…) of the Slack app installed in one workspace.',
    secret: true, requiredWhen: 'for Slack in one workspace',
  }),
  setting({
    key: 'slack.signingSecret', env: 'SLACK_SIGNING_SECRET', ...optional(text()),
    description: 'Signing secret of the Slack app; every request Slack sends is checked with it.',
    secret: true, requiredWhen: 'for Slack',
  }),
  setting({
    key: 'slack.clientId', env: 'SLACK_CLIENT_ID', ...optional(text()),
    description: 'Client id of the Slack app, for installing it in workspaces through OAuth (with SLACK_CLIENT_SECRET and SLACK_STATE_SECRET) instead of one SLACK_BOT_TOKEN; with SLACK_CLIENT_SECRET and ARBOT_PUBLIC_URL it also turns on "Sign in with Slack" for the dashboards.',
    secret: false, requiredWhen: 'for Slack installs through OAuth',
  }),
  setting({
    key: 'slack.clientSecret', env: 'SLACK_CLIENT_SECRET', ...optional(text()),
    description: 'Client secret of the Slack app, for OAuth installs and "Sign in with Slack".',
    secret: true, requiredWhen: 'for Slack installs through OAuth',
  }),
  setting({
    key: 'slack.stateSecret', env: 'SLACK_STATE_SECRET', ...optional(text()),
    description: 'Secret that signs the state parameter of OAuth installs, so a forged install callback is refused.',
    secret: true, requiredWhen: 'for Slack installs through OAuth',
  }),
  setting({
    key: 'slack.apiUrl', env: 'SLACK_API_URL', ...optional(httpUrl()),
    description: 'Base URL of the Slack Web API; unset means https://slack.com/api/. For tests and proxies.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.provider', env: 'ARBOT_MAIL_PROVIDER', ...oneOf(['none', 'folder', 'imap', 'graph', 'gmail'] as const), default: 'none',
    description: 'Where the AR mailbox is read and replies are sent: none, folder (.eml files in ARBOT_MAIL_FOLDER; replies to ARBOT_OUTBOX_DIR), imap (IMAP_* to read, SMTP_* to send), graph (Microsoft 365, GRAPH_*) or gmail (Google Workspace, GMAIL_*).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.folder', env: 'ARBOT_MAIL_FOLDER', ...text(), default: './inbox',
    description: 'Folder the folder provider reads .eml files from (write each file under another name, then rename it in).',
    secret: false, requiredWhen: 'when ARBOT_MAIL_PROVIDER is folder',
  }),
  setting({
    key: 'mail.moveProcessed', env: 'ARBOT_MAIL_MOVE_PROCESSED', ...boolean(), default: false,
    description: 'Move .eml files that were taken in to a processed/ subfolder of ARBOT_MAIL_FOLDER.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.pollEvery', env: 'ARBOT_MAIL_POLL_EVERY', ...text(), default: '1 minute',
    description: 'How often the mailbox is polled for new mail, as an interval such as "1 minute"; polling goes on when push notifications are on, so nothing is missed.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.imapHost', env: 'IMAP_HOST', ...optional(text()),
    description: 'IMAP server of the AR mailbox.',
    secret: false, requiredWhen: 'when ARBOT_MAIL_PROVIDER is imap',
  }),
  setting({
    key: 'mail.imapPort', env: 'IMAP_PORT', ...integer(1, 65535), default: 993,
    description: 'IMAP port (993 with IMAP_SECURE, usually 143 without).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.imapSecure', env: 'IMAP_SECURE', ...boolean(), default: true,
    description: 'TLS from the first byte (port 993); false connects in plain and requires STARTTLS, except on loopback.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.imapUser', env: 'IMAP_USER', ...optional(text()),
    description: 'IMAP login of the AR mailbox.',
    secret: false, requiredWhen: 'when ARBOT_MAIL_PROVIDER is imap',
  }),
  setting({
    key: 'mail.imapPassword', env: 'IMAP_PASSWORD', ...optional(text()),
    description: 'IMAP password (or app password) of the AR mailbox.',
    secret: true, requiredWhen: 'when ARBOT_MAIL_PROVIDER is imap',
  }),
  setting({
    key: 'mail.imapFolder', env: 'IMAP_FOLDER', ...text(), default: 'INBOX',
    description: 'IMAP folder arbot reads (read-only: flags are never changed, nothing is moved).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.imapSentFolder', env: 'IMAP_SENT_FOLDER', ...optional(text()),
    description: 'IMAP folder sent replies are filed in (e.g. Sent); when set, the outbox looks there after a crash to tell whether a reply already went out.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.smtpHost', env: 'SMTP_HOST', ...optional(text()),
    description: 'SMTP server replies are sent through.',
    secret: false, requiredWhen: 'when ARBOT_MAIL_PROVIDER is imap',
  }),
  setting({
    key: 'mail.smtpPort', env: 'SMTP_PORT', ...integer(1, 65535), default: 587,
    description: 'SMTP port (587 with STARTTLS, 465 with SMTP_SECURE).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.smtpSecure', env: 'SMTP_SECURE', ...boolean(), default: false,
    description: 'TLS from the first byte (port 465); false connects in plain and requires STARTTLS, except on loopback.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.smtpUser', env: 'SMTP_USER', ...optional(text()),
    description: 'SMTP login; unset: IMAP_USER.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.smtpPassword', env: 'SMTP_PASSWORD', ...optional(text()),
    description: 'SMTP password; unset: IMAP_PASSWORD.',
    secret: true, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.saveToSent', env: 'SMTP_SAVE_TO_SENT', ...boolean(), default: true,
    description: 'Append a copy of each sent reply to IMAP_SENT_FOLDER; turn off for servers that file SMTP mail in Sent themselves (Gmail, Microsoft 365).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'dashboard.tokens', env: 'ARBOT_DASHBOARD_TOKENS', ...optional(secretsByName(24)),
    description: 'API tokens for the dashboards in a plain browser, as user=token pairs (user id or email of a registered user; tokens of at least 24 characters); each sees what its user\'s roles allow.',
    secret: true, requiredWhen: 'never',
  }),
  setting({
    key: 'dashboard.ssoJwksUrl', env: 'ARBOT_DASHBOARD_SSO_JWKS_URL', ...httpUrl(), default: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    description: 'Signing keys (JWKS) that Teams SSO tokens of the dashboard tab are checked against.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'dashboard.ssoAudience', env: 'ARBOT_DASHBOARD_SSO_AUDIENCE', ...optional(text()),
    description: 'Audience Teams SSO tokens of the dashboard tab must carry; unset: api://<ARBOT_PUBLIC_URL host>/<MICROSOFT_APP_ID> or MICROSOFT_APP_ID, as in the app manifest.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'dashboard.ssoIssuer', env: 'ARBOT_DASHBOARD_SSO_ISSUER', ...optional(httpUrl()),
    description: 'Issuer Teams SSO tokens must come from; unset: Entra ID of MICROSOFT_APP_TENANT_ID (v2 or v1 issuer), or of the token\'s own tenant when that is unset.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'dashboard.sessionSecret', env: 'ARBOT_DASHBOARD_SESSION_SECRET', ...optional(text()),
    description: 'Secret (at least 32 characters) that signs the session cookie of "Sign in with Slack" on the dashboards; unset: a random one per process, so sessions end when arbot restarts.',
    secret: true, requiredWhen: 'never',
  }),
  setting({
    key: 'dashboard.sessionHours', env: 'ARBOT_DASHBOARD_SESSION_HOURS', ...integer(1, 168), default: 8,
    description: 'How long a "Sign in with Slack" session of the dashboards lasts, in hours.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.graphTenantId', env: 'GRAPH_TENANT_ID', ...optional(guid()),
    description: 'Microsoft Entra tenant of the app that reads and sends as the AR mailbox (app-only, client credentials).',
    secret: false, requiredWhen: 'when ARBOT_MAIL_PROVIDER is graph',
  }),
  setting({
    key: 'mail.graphClientId', env: 'GRAPH_CLIENT_ID', ...optional(guid()),
    description: 'Application (client) id of that app registration.',
    secret: false, requiredWhen: 'when ARBOT_MAIL_PROVIDER is graph',
  }),
  setting({
    key: 'mail.graphClientSecret', env: 'GRAPH_CLIENT_SECRET', ...optional(text()),
    description: 'Client secret of the app; or set GRAPH_CERTIFICATE_PATH instead.',
    secret: true, requiredWhen: 'when ARBOT_MAIL_PROVIDER is graph and GRAPH_CERTIFICATE_PATH is not set',
  }),
  setting({
    key: 'mail.graphCertificatePath', env: 'GRAPH_CERTIFICATE_PATH', ...optional(text()),
    description: 'PEM file with the app\'s certificate and private key (preferred over a client secret).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.graphMailbox', env: 'GRAPH_MAILBOX', ...optional(text()),
    description: 'User principal name of the shared AR mailbox (e.g. ar@contoso.com).',
    secret: false, requiredWhen: 'when ARBOT_MAIL_PROVIDER is graph',
  }),
  setting({
    key: 'mail.graphFolder', env: 'GRAPH_FOLDER', ...text(), default: 'inbox',
    description: 'Mail folder read by delta query: a well-known name (inbox) or a folder id.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.graphNotificationUrl', env: 'GRAPH_NOTIFICATION_URL', ...optional(httpUrl()),
    description: 'Public https URL Graph posts change notifications to; unset: ARBOT_PUBLIC_URL + /api/mail/graph/notifications. Without either, arbot only polls.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.graphClientState', env: 'GRAPH_CLIENT_STATE', ...optional(text()),
    description: 'Secret Graph echoes in every notification (up to 128 characters); notifications without it are ignored. Required for notifications.',
    secret: true, requiredWhen: 'for Graph change notifications',
  }),
  setting({
    key: 'mail.graphProcessedCategory', env: 'GRAPH_PROCESSED_CATEGORY', ...optional(text()),
    description: 'Outlook category added to messages once taken in (needs Mail.ReadWrite); unset: the mailbox is never changed.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.gmailServiceAccountFile', env: 'GMAIL_SERVICE_ACCOUNT_FILE', ...optional(text()),
    description: 'JSON key file of the service account with domain-wide delegation for the gmail.modify scope.',
    secret: false, requiredWhen: 'when ARBOT_MAIL_PROVIDER is gmail',
  }),
  setting({
    key: 'mail.gmailUser', env: 'GMAIL_USER', ...optional(text()),
    description: 'The Google Workspace mailbox the service account acts as (the AR mailbox).',
    secret: false, requiredWhen: 'when ARBOT_MAIL_PROVIDER is gmail',
  }),
  setting({
    key: 'mail.gmailLabel', env: 'GMAIL_LABEL', ...text(), default: 'INBOX',
    description: 'Label id read through history (INBOX, or a user label id such as Label_12).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.gmailPubsubTopic', env: 'GMAIL_PUBSUB_TOPIC', ...optional(text()),
    description: 'Pub/Sub topic for users.watch (projects/<project>/topics/<topic>); unset: arbot only polls.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.gmailPushAudience', env: 'GMAIL_PUSH_AUDIENCE', ...optional(text()),
    description: 'Audience of the OIDC token Pub/Sub push signs its requests with; when set, pushes without a valid Google-signed token are refused.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'mail.gmailPushToken', env: 'GMAIL_PUSH_TOKEN', ...optional(text()),
    description: 'Shared token expected as ?token= on the push endpoint URL (for push subscriptions without OIDC authentication).',
    secret: true, requiredWhen: 'for Gmail push without GMAIL_PUSH_AUDIENCE',
  }),
  setting({
    key: 'sor.connector', env: 'ARBOT_SOR_CONNECTOR', ...oneOf(['none', 'file', 'csv', 'rest', 'business-central'] as const), default: 'none',
    description: 'Where the scheduled SoR sync reads from: file (a sor.json), csv (a folder of CSV exports), rest (a REST API mapped by ARBOT_SOR_MAPPING), business-central (Dynamics 365 Business Central API v2.0), or none (no sync; `arbot import` still works).',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'sor.path', env: 'ARBOT_SOR_PATH', ...optional(text()),
    description: 'The sor.json file (file connector) or the folder of CSV exports (csv connector), relative to the working directory.',
    secret: false, requiredWhen: 'for the file and csv connectors',
  }),
  setting({
    key: 'sor.mappingFile', env: 'ARBOT_SOR_MAPPING', ...optional(text()),
    description: 'JSON or YAML file mapping the SoR onto arbot: "csv" (file names, columns, value maps) or "rest" (endpoints, pagination, fields).',
    secret: false, requiredWhen: 'for the rest connector; optional for csv',
  }),
  setting({
    key: 'sor.baseUrl', env: 'ARBOT_SOR_BASE_URL', ...optional(httpUrl()),
    description: 'Base URL of the SoR API; for Business Central the company URL, https://api.businesscentral.dynamics.com/v2.0/<tenant>/<environment>/api/v2.0/companies(<id>).',
    secret: false, requiredWhen: 'for the rest and business-central connectors',
  }),
  setting({
    key: 'sor.apiKey', env: 'ARBOT_SOR_API_KEY', ...optional(text()),
    description: 'API key sent to the SoR API (header named in the mapping file, default x-api-key).',
    secret: true, requiredWhen: 'for a REST API that uses an API key',
  }),
  setting({
    key: 'sor.tokenUrl', env: 'ARBOT_SOR_TOKEN_URL', ...optional(httpUrl()),
    description: 'OAuth2 token endpoint for the client-credentials grant; for Business Central https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token.',
    secret: false, requiredWhen: 'for OAuth2 (Business Central always)',
  }),
  setting({
    key: 'sor.clientId', env: 'ARBOT_SOR_CLIENT_ID', ...optional(text()),
    description: 'OAuth2 client id for the SoR API.',
    secret: false, requiredWhen: 'for OAuth2',
  }),
  setting({
    key: 'sor.clientSecret', env: 'ARBOT_SOR_CLIENT_SECRET', ...optional(text()),
    description: 'OAuth2 client secret for the SoR API.',
    secret: true, requiredWhen: 'for OAuth2',
  }),
  setting({
    key: 'sor.scope', env: 'ARBOT_SOR_SCOPE', ...optional(text()),
    description: 'OAuth2 scope; Business Central defaults to https://api.businesscentral.dynamics.com/.default.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'sor.requestsPerSecond', env: 'ARBOT_SOR_REQUESTS_PER_SECOND', ...integer(0, 1000), default: 5,
    description: 'Most requests a second to the SoR API (0: no limit); 429 answers are retried after their Retry-After.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'sor.maxRetries', env: 'ARBOT_SOR_MAX_RETRIES', ...integer(0, 10), default: 4,
    description: 'Retries of an SoR request that timed out or failed with 408, 429 or 5xx, with exponential back-off.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'sor.syncEvery', env: 'ARBOT_SOR_SYNC_EVERY', ...text(), default: '15 minutes',
    description: 'How often the SoR sync job runs (incremental, or full when one is due), as an interval such as "15 minutes".',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'sor.fullSyncHours', env: 'ARBOT_SOR_FULL_SYNC_HOURS', ...integer(1, 8760), default: 24,
    description: 'A scheduled sync is a full one (which also removes records the SoR deleted) when the last full sync is this many hours old.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'sor.batchSize', env: 'ARBOT_SOR_BATCH_SIZE', ...integer(10, 10000), default: 500,
    description: 'Records the sync writes per batch (and asks the SoR for per page); a killed sync resumes after the last batch written.',
    secret: false, requiredWhen: 'never',
  }),
  setting({
    key: 'sor.defaultCurrency', env: 'ARBOT_SOR_DEFAULT_CURRENCY', ...text(), default: 'USD',
    description: 'Currency of SoR records that name none (Business Central leaves the local currency empty).',
    secret: false, requiredWhen: 'never',
  }),
] as const satisfies readonly Setting[];

/** The validated configuration. */
export type ArbotConfig = z.infer<ReturnType<typeof buildConfigSchema>>;

type SchemaTree = { [name: string]: SchemaTree | z.ZodType };

/** Builds the nested, strict zod object for the settings list; defaults are filled in from `context`. */
export function buildConfigSchema(context: DefaultContext): z.ZodType<ConfigShape<typeof settings>> {
  const tree: SchemaTree = {};
  for (const item of settings as readonly Setting[]) {
    const path = item.key.split('.');
    const leaf = path.pop() as string;
    let node = tree;
    for (const name of path) {
      const child = node[name];
      node = child === undefined || child instanceof z.ZodType ? (node[name] = {}) : child;
    }
    node[leaf] = withDefault(item, context);
  }
  // The object is assembled at run time, so zod cannot infer it; ConfigShape computes the
  // same type from the list, and the schema tests check the two agree.
  return toObject(tree) as unknown as z.ZodType<ConfigShape<typeof settings>>;
}

function withDefault(item: Setting, context: DefaultContext): z.ZodType {
  if (item.default === undefined) return item.schema;
  const value = isComputedDefault(item.default) ? item.default.compute(context) : item.default;
  return item.schema.default(value);
}

// Sections are strict (unknown keys are errors) and default to {} so their settings' defaults apply.
function toObject(tree: SchemaTree): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, node] of Object.entries(tree)) {
    shape[name] = node instanceof z.ZodType ? node : toObject(node).prefault({});
  }
  return z.strictObject(shape);
}
