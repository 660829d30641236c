import { z } from 'zod';

// What the collab server and its clients agree on: document names, the JSON messages sent as
// Hocuspocus stateless payloads, presence states and close codes. Shared by both halves, so
// it imports nothing from server/ or app/.

/** The Y.Map of a record doc holding its editable field values, keyed by field id. */
export const FIELDS_MAP = 'fields';

const TABLE_ID = /^[A-Za-z0-9]{4,40}$/;
const RECORD_ID = /^[1-9][0-9]{0,14}$/;

export type DocName =
  | { kind: 'record'; tableId: string; recordId: number }
  | { kind: 'table'; tableId: string };

/** `rec:<tableId>:<recordId>`, the recordId as the row's integer id. */
export function recordDocName(tableId: string, recordId: number): string {
  return `rec:${tableId}:${recordId}`;
}

/** `table:<tableId>`: presence and server messages for everyone viewing the table. */
export function tableChannelName(tableId: string): string {
  return `table:${tableId}`;
}

/** The document a name stands for, or undefined for anything we never hand out. */
export function parseDocName(name: string): DocName | undefined {
  const parts = name.split(':');
  if (parts[0] === 'rec' && parts.length === 3 && TABLE_ID.test(parts[1]!) && RECORD_ID.test(parts[2]!)) {
    return { kind: 'record', tableId: parts[1]!, recordId: Number(parts[2]) };
  }
  if (parts[0] === 'table' && parts.length === 2 && TABLE_ID.test(parts[1]!)) return { kind: 'table', tableId: parts[1]! };
  return undefined;
}

/** The API's record id shape (`rec123`), which is what the grid holds for its rows. */
export function apiRecordId(recordId: number): string {
  return `rec${recordId}`;
}

const fieldValues = z.record(z.string(), z.unknown());

/** Server → table channel. A patch older than the row's `version` is to be ignored. */
export const tableMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('patch'), recordId: z.string(), version: z.number(), values: fieldValues, by: z.string().nullable() }),
  z.object({ type: z.literal('created'), recordId: z.string(), version: z.number(), values: fieldValues, by: z.string().nullable() }),
  z.object({ type: z.literal('deleted'), recordId: z.string() }),
  // kind 'access': this person's role in the base changed; reload what they may do.
  z.object({
    type: z.literal('schema'),
    kind: z.enum(['table', 'field', 'view', 'access']),
    action: z.enum(['created', 'updated', 'deleted']),
    id: z.string(),
  }),
  // A batch too big to patch row by row (a paste of thousands): refetch the visible rows.
  z.object({ type: z.literal('refresh'), reason: z.literal('bulk') }),
]);
export type TableMessage = z.infer<typeof tableMessage>;

/** What one stateless payload on a table channel holds: a message, or those of one server turn. */
export const tableFrame = z.union([tableMessage, z.object({ type: z.literal('batch'), messages: z.array(tableMessage) })]);
export type TableFrame = z.infer<typeof tableFrame>;

/** Server → the one client whose edit of a record doc the write path refused. */
export const recordDocMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rejected'), recordId: z.string(), fieldId: z.string(), code: z.string(), message: z.string() }),
]);
export type RecordDocMessage = z.infer<typeof recordDocMessage>;

/** Parses a stateless payload; undefined for anything not in the protocol (newer server, bug). */
export function parseMessage<T>(schema: z.ZodType<T>, payload: string): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined; // not ours: the caller treats undefined as "ignore"
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A connection's awareness state. `user.id` must be the signed-in user's id (the server
 * refuses anything else), and names and colors are looked up from the base's members,
 * never taken from the state, so nobody can show up as someone else.
 */
export interface Presence {
  user?: { id: string };
  /** The selected cell, if any. */
  cell?: { recordId: string; fieldId: string } | null;
  /** True while the selected cell's editor is open. */
  editing?: boolean;
}

/** Largest awareness state (JSON) the server relays. */
export const MAX_PRESENCE_BYTES = 2048;

/** Close codes the server uses, by name (4xxx: application-defined WebSocket codes). */
export const CLOSE_CODES = {
  /** Unknown or malformed document name, not a member, record gone, or a forged message. */
  forbidden: { code: 4403, reason: 'forbidden' },
  /** The record was deleted while its doc was open. */
  recordDeleted: { code: 4410, reason: 'record-deleted' },
  /** The table was deleted while its channel or a record doc was open. */
  tableDeleted: { code: 4411, reason: 'table-deleted' },
  /** The user was removed from the base (or lost it otherwise) while the document was open. */
  accessRevoked: { code: 4412, reason: 'access-revoked' },
  /** The session or token the socket signed in with was revoked (signed out, password changed). */
  signedOut: { code: 4401, reason: 'signed-out' },
  /** Too many messages or bytes per second on one socket. */
  rateLimited: { code: 4429, reason: 'rate-limited' },
  /** A message above the size limit (WebSocket's own code). */
  tooBig: { code: 1009, reason: 'message-too-big' },
  /** The server is shutting down. */
  goingAway: { code: 1001, reason: 'going-away' },
} as const;
