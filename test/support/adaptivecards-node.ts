// Checks a card with the Adaptive Cards library itself, in Node. The package's `main`
// (lib/, ES modules without file extensions) does not load in Node, but its webpack bundle
// (dist/adaptivecards.js, UMD) does, and parsing needs no DOM. The library's parse is lenient:
// it logs unknown types, bad values and features newer than the target version as events, but
// silently drops properties it does not know, and accepts a card of any version. So besides its
// events this also walks the JSON against the library's own property schemas (unknown
// properties), and checks what Teams adds: version 1.5, at most 6 buttons per row (Teams' host
// config), @mention entities, 28 KB.
import { createRequire } from 'node:module';

/** The part of the library's API used here (typed by hand: the dist bundle has no usable types). */
interface AcVersion {
  toString(): string;
  compareTo(other: AcVersion): number;
}
interface AcPropertyDefinition {
  name: string;
}
interface AcSerializable {
  getSchema(): { getCount(): number; getItemAt(index: number): AcPropertyDefinition };
}
interface AcRegistration {
  typeName: string;
  objectType: new () => AcSerializable;
}
interface AcRegistry {
  findByName(typeName: string): AcRegistration | undefined;
}
interface AcValidationEvent {
  event: number;
  message: string;
}
interface AcSerializationContext {
  readonly eventCount: number;
  getEventAt(index: number): AcValidationEvent;
}
interface AcCard extends AcSerializable {
  hostConfig: unknown;
  parse(source: unknown, context: AcSerializationContext): void;
  validateProperties(): { validationEvents: AcValidationEvent[] };
}
interface AdaptiveCardsLib {
  AdaptiveCard: new () => AcCard;
  Column: new () => AcSerializable;
  RefreshDefinition: new () => AcSerializable;
  HostConfig: new (config: object) => unknown;
  SerializationContext: new (targetVersion: AcVersion) => AcSerializationContext;
  Versions: { v1_5: AcVersion };
  ValidationEvent: Record<number, string>;
  GlobalRegistry: { elements: AcRegistry; actions: AcRegistry };
}

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLib;
const TARGET = AC.Versions.v1_5;

/** Teams' limit for a message, card included. */
export const TEAMS_MESSAGE_MAX_BYTES = 28 * 1024;
/** Teams shows at most 6 buttons per actions array (the library's default host config allows 5). */
const TEAMS_MAX_ACTIONS = 6;

/** Keys the library parses itself rather than through a property schema. */
const STRUCTURAL_KEYS: Readonly<Record<string, readonly string[]>> = {
  AdaptiveCard: ['body', 'actions'],
  Container: ['items'],
  Column: ['items'],
  ColumnSet: ['columns'],
  ActionSet: ['actions'],
  'Action.ShowCard': ['card'],
};

type Json = Record<string, unknown>;

/** Everything wrong with `json` as an Adaptive Card 1.5 for Teams; empty when it is fine. */
export function validateAdaptiveCard(json: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(json)) return ['the card is not a JSON object'];
  if (json.type !== 'AdaptiveCard') problems.push(`type is ${JSON.stringify(json.type)}, not "AdaptiveCard"`);
  if (json.version !== '1.5') problems.push(`version is ${JSON.stringify(json.version)}, not "1.5"`);

  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig({ actions: { maxActions: TEAMS_MAX_ACTIONS } });
  const context = new AC.SerializationContext(TARGET);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(describe('parse', context.getEventAt(i)));
  for (const event of card.validateProperties().validationEvents) problems.push(describe('validate', event));

  walkCard(json, '$', problems, true);
  const bytes = new TextEncoder().encode(JSON.stringify(json)).length;
  if (bytes > TEAMS_MESSAGE_MAX_BYTES) problems.push(`the card is ${bytes} bytes; Teams accepts at most ${TEAMS_MESSAGE_MAX_BYTES}`);
  return problems;
}

function describe(phase: string, event: AcValidationEvent): string {
  return `${phase}: ${AC.ValidationEvent[event.event] ?? event.event}: ${event.message}`;
}

function walkCard(card: Json, path: string, problems: string[], root: boolean): void {
  checkKeys(card, 'AdaptiveCard', propertiesOf(new AC.AdaptiveCard()), root ? ['msteams'] : [], path, problems);
  eachObject(card.body, `${path}.body`, problems, (el, p) => walkElement(el, p, problems));
  walkActions(card.actions, `${path}.actions`, problems);
  if (card.refresh !== undefined) {
    const refresh = card.refresh;
    if (!isObject(refresh)) problems.push(`${path}.refresh is not an object`);
    else {
      checkKeys(refresh, 'refresh', propertiesOf(new AC.RefreshDefinition()), [], `${path}.refresh`, problems);
      if (isObject(refresh.action)) walkAction(refresh.action, `${path}.refresh.action`, problems);
      if (Array.isArray(refresh.userIds) && refresh.userIds.length > 60) problems.push(`${path}.refresh.userIds has ${refresh.userIds.length} ids; Teams takes at most 60`);
    }
  }
  if (root && card.msteams !== undefined) checkMsTeams(card, problems);
}

function walkElement(el: Json, path: string, problems: string[]): void {
  const type = String(el.type);
  const registration = type === 'Column' ? undefined : AC.GlobalRegistry.elements.findByName(type);
  if (type !== 'Column' && registration === undefined) {
    problems.push(`${path}: unknown element type "${type}"`);
    return;
  }
  const properties = propertiesOf(registration ? new registration.objectType() : new AC.Column());
  checkKeys(el, type, properties, ['fallback'], path, problems);
  if (type === 'Container' || type === 'Column') eachObject(el.items, `${path}.items`, problems, (child, p) => walkElement(child, p, problems));
  if (type === 'ColumnSet') {
    eachObject(el.columns, `${path}.columns`, problems, (col, p) => {
      if (col.type !== undefined && col.type !== 'Column') problems.push(`${p}: a column of type "${String(col.type)}"`);
      walkElement({ ...col, type: 'Column' }, p, problems);
    });
  }
  if (type === 'ActionSet') walkActions(el.actions, `${path}.actions`, problems);
  if (type === 'FactSet') eachObject(el.facts, `${path}.facts`, problems, (fact, p) => checkPlain(fact, ['title', 'value'], p, problems));
  if (type === 'Input.ChoiceSet') eachObject(el.choices, `${path}.choices`, problems, (choice, p) => checkPlain(choice, ['title', 'value'], p, problems));
  if (isObject(el.selectAction)) walkAction(el.selectAction, `${path}.selectAction`, problems);
}

function walkActions(actions: unknown, path: string, problems: string[]): void {
  if (actions === undefined) return;
  eachObject(actions, path, problems, (action, p) => walkAction(action, p, problems));
}

function walkAction(action: Json, path: string, problems: string[]): void {
  const type = String(action.type);
  const registration = AC.GlobalRegistry.actions.findByName(type);
  if (registration === undefined) {
    problems.push(`${path}: unknown action type "${type}"`);
    return;
  }
  checkKeys(action, type, propertiesOf(new registration.objectType()), ['fallback'], path, problems);
  if (type === 'Action.ShowCard') {
    if (isObject(action.card)) walkCard(action.card, `${path}.card`, problems, false);
    else problems.push(`${path}: Action.ShowCard without a card`);
  }
}

/** Teams' extension: `width` and @mention entities whose text appears in the card. */
function checkMsTeams(card: Json, problems: string[]): void {
  const msteams = card.msteams;
  if (!isObject(msteams)) {
    problems.push('$.msteams is not an object');
    return;
  }
  checkPlain(msteams, ['width', 'entities'], '$.msteams', problems);
  if (msteams.width !== undefined && msteams.width !== 'Full') problems.push(`$.msteams.width is ${JSON.stringify(msteams.width)}; Teams knows only "Full"`);
  const texts = textsOf(card);
  eachObject(msteams.entities ?? [], '$.msteams.entities', problems, (entity, p) => {
    const mentioned = entity.mentioned;
    if (entity.type !== 'mention' || typeof entity.text !== 'string' || !isObject(mentioned) || typeof mentioned.id !== 'string' || typeof mentioned.name !== 'string') {
      problems.push(`${p}: not a mention { type: 'mention', text, mentioned: { id, name } }`);
      return;
    }
    if (!/^<at>[^<>]+<\/at>$/.test(entity.text)) problems.push(`${p}: mention text ${JSON.stringify(entity.text)} is not "<at>name</at>"`);
    if (!texts.some((t) => t.includes(entity.text as string))) problems.push(`${p}: mention text ${JSON.stringify(entity.text)} appears in no TextBlock`);
  });
}

function checkKeys(obj: Json, type: string, known: ReadonlySet<string>, extra: readonly string[], path: string, problems: string[]): void {
  const structural = STRUCTURAL_KEYS[type] ?? [];
  for (const key of Object.keys(obj)) {
    if (!known.has(key) && !structural.includes(key) && !extra.includes(key)) problems.push(`${path}: unknown property "${key}" on ${type}`);
  }
}

function checkPlain(obj: Json, keys: readonly string[], path: string, problems: string[]): void {
  for (const key of Object.keys(obj)) if (!keys.includes(key)) problems.push(`${path}: unknown property "${key}"`);
}

/** Names of the properties the library parses for this kind of object. */
function propertiesOf(object: AcSerializable): ReadonlySet<string> {
  const schema = object.getSchema();
  const out = new Set<string>();
  for (let i = 0; i < schema.getCount(); i++) out.add(schema.getItemAt(i).name);
  return out;
}

function eachObject(list: unknown, path: string, problems: string[], visit: (item: Json, path: string) => void): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.push(`${path} is not an array`);
    return;
  }
  list.forEach((item, i) => {
    if (isObject(item)) visit(item, `${path}[${i}]`);
    else problems.push(`${path}[${i}] is not an object`);
  });
}

/** Every TextBlock text and fact in the card, show-cards included. */
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (!isObject(node)) return [];
  const own = node.type === 'TextBlock' && typeof node.text === 'string' ? [node.text] : [];
  const fact = typeof node.title === 'string' && typeof node.value === 'string' ? [node.value] : [];
  return [...own, ...fact, ...Object.entries(node).flatMap(([key, value]) => (key === 'msteams' || key === 'data' ? [] : textsOf(value)))];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
