import { MessageType, type beforeHandleMessagePayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import { MAX_PRESENCE_BYTES } from '../protocol.ts';
import { CollabRefusal, type SocketContext } from './socket-auth.ts';

/**
 * Checks what a client may say on a document it is authenticated for, before Hocuspocus
 * handles it. Throwing closes that document's connection with the refusal's close code.
 * - No BroadcastStateless: only the server speaks on channels (a client could otherwise
 *   forge `patch` messages to everyone).
 * - Awareness changes only for the client's own Yjs client ids, with `user.id` (when
 *   present) the signed-in user, and small states: presence cannot impersonate or flood.
 */
export function guardMessage(payload: beforeHandleMessagePayload): void {
  try {
    check(payload);
  } catch (error) {
    // A message that does not even decode is refused like a forged one, without a log line.
    throw error instanceof CollabRefusal ? error : new CollabRefusal();
  }
}

function check({ update, context, document, connection }: beforeHandleMessagePayload): void {
  const decoder = decoding.createDecoder(update);
  decoding.readVarString(decoder); // the document name, already routed by Hocuspocus
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.BroadcastStateless) throw new CollabRefusal();
  if (type !== MessageType.Awareness) return;
  const { actor } = context as SocketContext;
  const others = [...document.connections.values()].filter((c) => c.connection !== connection).map((c) => c.clients);
  for (const { clientId, clock, state } of readAwarenessUpdate(decoding.readVarUint8Array(decoder))) {
    if (state.length > MAX_PRESENCE_BYTES) throw new CollabRefusal();
    // What would change a state must be the sender's own; an echo changes nothing and passes.
    const applies = awarenessApplies(document.awareness, clientId, clock, state);
    // A null state is a removal: y-protocols clients time out peers they have not heard
    // from in 30 s and tell everyone. It can hide a cursor until its owner's next renewal
    // (15 s), never show anything false, so it passes.
    if (!applies || state === 'null') continue;
    if (others.some((clients) => clients.has(clientId))) throw new CollabRefusal();
    if (!presenceOf(actor.userId, state)) throw new CollabRefusal();
  }
}

/** y-protocols' rule for whether an entry of an awareness update changes anything. */
function awarenessApplies(awareness: Awareness, clientId: number, clock: number, state: string): boolean {
  const known = awareness.meta.get(clientId)?.clock;
  return known === undefined || known < clock || (known === clock && state === 'null' && awareness.states.has(clientId));
}

/**
 * Whether an awareness message only repeats what the server knows. The stock provider
 * sends back every state it receives, so each presence change of N viewers came back N
 * times: 40,000 no-op messages per round of renewals at 200 viewers, every 15 s.
 */
export function isAwarenessEcho(awareness: Awareness, message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) return false;
    return readAwarenessUpdate(decoding.readVarUint8Array(decoder)).every(({ clientId, clock, state }) => !awarenessApplies(awareness, clientId, clock, state));
  } catch {
    return false; // not decodable: left to the guard, which refuses it
  }
}

/** y-protocols' awareness update: a count, then (client id, clock, JSON state) triples. */
function readAwarenessUpdate(update: Uint8Array): Array<{ clientId: number; clock: number; state: string }> {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: decoding.readVarString(decoder) });
  }
  return entries;
}

function presenceOf(userId: string, json: string): boolean {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return false; // y-protocols would throw on it too
  }
  if (state === null) return true; // the client leaves
  if (typeof state !== 'object' || Array.isArray(state)) return false;
  const user = (state as { user?: unknown }).user;
  return user === undefined || (typeof user === 'object' && user !== null && (user as { id?: unknown }).id === userId);
}
