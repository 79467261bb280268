// The slice of the Adaptive Cards 1.5 schema (plus Teams' `msteams` extension) that arbot's
// cards use, typed by hand so cards/ stays free of SDK imports. Cards are plain JSON data.

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';
/** The attachment content type of an Adaptive Card (in messages, invoke responses and search results). */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Teams renders at most this many buttons per actions array; more go in another ActionSet. */
export const TEAMS_MAX_ACTIONS = 6;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  /** Markdown subset; `{{DATE(…)}}`/`{{TIME(…)}}` render in the reader's time zone. */
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: TextColor;
  isSubtle?: boolean;
  maxLines?: number;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Column {
  type: 'Column';
  width?: 'auto' | 'stretch' | number;
  verticalContentAlignment?: 'Top' | 'Center' | 'Bottom';
  items: CardElement[];
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface Container extends ElementBase {
  type: 'Container';
  style?: ContainerStyle;
  items: CardElement[];
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  /** Required inputs need one (shown when the value is missing). */
  errorMessage?: string;
}

export interface InputText extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  /** Selected values, comma-separated when `isMultiSelect`. */
  value?: string;
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded' | 'filtered';
  placeholder?: string;
  wrap?: boolean;
}

export type CardElement = TextBlock | FactSet | ColumnSet | Container | ActionSet | InputText | InputChoiceSet;

export type ActionData = { [key: string]: JsonValue };

/** Universal Actions: the bot receives an `adaptiveCard/action` invoke with `verb` and `data` (plus the card's inputs by id). */
export interface ExecuteAction {
  type: 'Action.Execute';
  title?: string;
  verb: string;
  data?: ActionData;
  style?: 'default' | 'positive' | 'destructive';
  tooltip?: string;
}

/** A card shown under the button (the form of an action that needs inputs). */
export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  tooltip?: string;
  card: SubCard;
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = ExecuteAction | ShowCardAction | OpenUrlAction;

/** The card inside an Action.ShowCard (no version or schema of its own). */
export interface SubCard {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions?: CardAction[];
}

/** A Teams @mention: `text` appears verbatim in a TextBlock; `mentioned.id` is the AAD object id. */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  /** Universal Actions: the listed users' clients fetch their own view with `action` on display. */
  refresh?: { action: ExecuteAction; userIds?: string[] };
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width?: 'Full'; entities?: MentionEntity[] };
}

/** A version 1.5 card of `body` and `actions` (omitted when empty). */
export function adaptiveCard(body: CardElement[], extra: Partial<Pick<AdaptiveCard, 'actions' | 'refresh' | 'msteams'>> = {}): AdaptiveCard {
  const { actions, ...rest } = extra;
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    ...(rest.refresh ? { refresh: rest.refresh } : {}),
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    ...(rest.msteams ? { msteams: rest.msteams } : {}),
  };
}

/** A wrapping TextBlock. */
export function textBlock(text: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** A bold heading separated from what comes before. */
export function heading(text: string): TextBlock {
  return textBlock(text, { weight: 'Bolder', spacing: 'Medium' });
}

/** A FactSet of the pairs whose value is present. */
export function factSet(pairs: [title: string, value: string | undefined][]): FactSet {
  return { type: 'FactSet', facts: pairs.flatMap(([title, value]) => (value === undefined || value === '' ? [] : [{ title, value }])) };
}

/** Size of the card as Teams counts it (UTF-8 bytes of its JSON). */
export function cardBytes(card: AdaptiveCard): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}
