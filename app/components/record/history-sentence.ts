import type { TFunction } from 'i18next';
import { displayValue, type DisplayEnv } from '../schema/format-value.ts';
import type { FieldJson, Member } from '../schema/types.ts';
import { absoluteTime, relativeTime } from './relative-time.ts';

/** One entry of `GET /api/v1/tables/:tableId/records/:recordId/history`. */
export interface HistoryEntryJson {
  id: number;
  action: string;
  /** `{ [fieldId]: [before, after] }` */
  changes: Record<string, [unknown, unknown]>;
  actorId: string | null;
  origin: string;
  at: string;
}

/** The origins of server/events/record-change.ts, each with words in the message files. */
const ORIGINS = ['user', 'api', 'import', 'automation', 'formula', 'form', 'schema'] as const;
type Origin = (typeof ORIGINS)[number];
const isOrigin = (origin: string): origin is Origin => (ORIGINS as readonly string[]).includes(origin);

/** Long notes would drown the list: a value shows its first line, up to this many characters. */
const MAX_VALUE = 80;

export interface HistoryContext {
  /** The table's fields now; changes to fields since deleted still show. */
  fields: readonly FieldJson[];
  members: readonly Member[];
  locale: string;
  timeZone: string;
  now: Date;
  t: TFunction;
}

export interface HistoryItem {
  id: number;
  actor: string;
  /** One sentence per changed field, in the table's field order. */
  lines: string[];
  /** "3 minutes ago" */
  when: string;
  /** The exact time, for a tooltip. */
  whenExact: string;
  /** "via API" */
  origin: string;
}

export function describeHistory(entry: HistoryEntryJson, ctx: HistoryContext): HistoryItem {
  const { t } = ctx;
  const names = new Map(ctx.members.map((member) => [member.id, member.name]));
  const env: DisplayEnv = { locale: ctx.locale, timeZone: ctx.timeZone, userName: (id) => names.get(id) };
  const actor = entry.actorId === null ? t('record.history.system') : (names.get(entry.actorId) ?? t('record.history.formerMember'));
  const item = {
    id: entry.id,
    actor,
    when: relativeTime(entry.at, ctx.now, ctx.locale),
    whenExact: absoluteTime(entry.at, ctx.locale, ctx.timeZone),
    origin: isOrigin(entry.origin) ? t(`record.history.origins.${entry.origin}`) : entry.origin,
  };
  if (entry.action === 'create') return { ...item, lines: [t('record.history.created', { actor })] };
  if (entry.action === 'delete') return { ...item, lines: [t('record.history.deleted', { actor })] };

  const position = new Map(ctx.fields.map((field, index) => [field.id, index]));
  const fieldIds = Object.keys(entry.changes).sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity));
  const lines = fieldIds.map((fieldId) => {
    const [before, after] = entry.changes[fieldId]!;
    const field = ctx.fields.find((candidate) => candidate.id === fieldId);
    const shown = (value: unknown) => short(field ? displayValue(field, value, env) : displayValue({ type: '', options: {} }, value, env));
    const values = { actor, field: field?.name ?? t('record.history.unknownField'), before: shown(before), after: shown(after) };
    if (!values.before) return t('record.history.set', values);
    if (!values.after) return t('record.history.cleared', values);
    return t('record.history.changed', values);
  });
  return { ...item, lines };
}

/** Edits closer together than this, by one person to one field, read as one change. */
export const TYPING_WINDOW_MS = 5 * 60_000;

/**
 * Joins runs of single-field edits by the same person, from the same place, to the same
 * field, each within TYPING_WINDOW_MS of the next: typing in a note writes one history
 * entry per keystroke, which nobody wants to read. Entries are newest first, as the API
 * returns them; a joined entry goes from the oldest before to the newest after.
 */
export function collapseTyping(entries: readonly HistoryEntryJson[], windowMs = TYPING_WINDOW_MS): HistoryEntryJson[] {
  const result: HistoryEntryJson[] = [];
  let oldestAt = 0;
  for (const entry of entries) {
    const last = result[result.length - 1];
    const field = soleField(entry);
    if (last && field !== undefined && soleField(last) === field && last.actorId === entry.actorId && last.origin === entry.origin
      && oldestAt - Date.parse(entry.at) <= windowMs) {
      result[result.length - 1] = { ...last, changes: { [field]: [entry.changes[field]![0], last.changes[field]![1]] } };
    } else {
      result.push(entry);
    }
    oldestAt = Date.parse(entry.at);
  }
  return result;
}

function soleField(entry: HistoryEntryJson): string | undefined {
  const keys = Object.keys(entry.changes);
  return entry.action === 'update' && keys.length === 1 ? keys[0] : undefined;
}

/** The whole entry as one line: "张伟 changed 预估金额 from ¥10,000.00 to ¥12,000.00 · 3 minutes ago · via API". */
export function historySentence(item: HistoryItem): string {
  return [item.lines.join('; '), item.when, item.origin].join(' · ');
}

function short(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const chars = [...line];
  return chars.length > MAX_VALUE ? `${chars.slice(0, MAX_VALUE - 1).join('')}…` : line;
}
