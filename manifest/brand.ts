// What both chat apps show of arbot: its name and colour.

/** The app's name in Teams and Slack (Teams allows 30 characters for it, Slack 35). */
export const APP_NAME = 'AR Helpdesk';

/** Accent colour: the Teams colour icon's background and accentColor, Slack's background_color. */
export const ACCENT_COLOR = '#2B5797';
