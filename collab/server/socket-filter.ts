import { MessageType, type Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { RawData, WebSocket } from 'ws';
import { CLOSE_CODES } from '../protocol.ts';
import type { EditQueue } from './edit-queue.ts';
import { isAwarenessEcho } from './message-guard.ts';

/**
 * Stands in front of Hocuspocus's own 'message' listener. EventEmitter cannot stop other
 * listeners, so the socket's `emit` is wrapped; Hocuspocus re-emits messages it queued
 * during authentication itself, and those (no `isBinary` argument) pass untouched.
 *
 * - Rate limits per socket (`SocketRateLimit`).
 * - Holds sync-status replies while client edits wait for their group commit (EditQueue).
 * - Drops awareness messages that only echo states the server already has.
 * - A client's CLOSE of a document is handled here, synchronously. Hocuspocus handles it
 *   after an asynchronous hook, so a provider reopened at once had its authentication
 *   routed to the closing connection, ignored, and then sat unserved.
 * - A CLOSE of a document with no connection on this socket is dropped. Hocuspocus would
 *   queue it and replay it right after the next authentication of that name, closing the
 *   new connection: providers send such stale closes after reconnecting, for docs closed
 *   while offline. (A close racing its own authentication is dropped too; the connection
 *   then lives until the socket closes, which costs memory, never an edit.)
 */
export function filterSocketMessages(ws: WebSocket, hocuspocus: Hocuspocus, edits: EditQueue): void {
  const limit = new SocketRateLimit();
  let limited = false;
  // Outgoing: a sync-status reply acknowledges an edit, so it waits for the edit's commit.
  const send = ws.send.bind(ws) as (...args: unknown[]) => void;
  ws.send = ((...args: unknown[]) => {
    if (edits.pending && peekHeader(args[0] as RawData)?.type === MessageType.SyncStatus && edits.holdAck(() => send(...args))) return;
    send(...args);
  }) as typeof ws.send;
  const emit = ws.emit.bind(ws);
  ws.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'message' || typeof args[1] !== 'boolean') return emit(event, ...args);
    if (!limit.take(sizeOf(args[0] as RawData))) {
      if (limited) ws.terminate();
      else ws.close(CLOSE_CODES.rateLimited.code, CLOSE_CODES.rateLimited.reason);
      limited = true;
      return false;
    }
    const header = peekHeader(args[0] as RawData);
    if (header?.type === MessageType.Awareness) {
      const awareness = hocuspocus.documents.get(header.name)?.awareness;
      if (awareness && isAwarenessEcho(awareness, toBytes(args[0] as RawData))) return true;
    }
    if (header?.type !== MessageType.CLOSE) return emit(event, ...args);
    hocuspocus.documents.get(header.name)?.connections.get(ws)?.connection.close({ code: 1000, reason: 'provider_initiated' });
    return true;
  }) as typeof ws.emit;
}

/** The document name and message type every Hocuspocus message starts with. */
function peekHeader(data: RawData | Uint8Array): { name: string; type: number } | undefined {
  try {
    const decoder = decoding.createDecoder(toBytes(data));
    return { name: decoding.readVarString(decoder), type: decoding.readVarUint(decoder) };
  } catch {
    return undefined; // not decodable: Hocuspocus closes the socket for it
  }
}

function toBytes(data: RawData | Uint8Array): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function sizeOf(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

/**
 * Per-socket sanity limits: a token bucket of messages and one of bytes. A grid opening
 * many record docs bursts, so the buckets are deep; a client that keeps above the refill
 * rate is a bug or abuse, and its socket is closed (the provider reconnects with backoff).
 */
export class SocketRateLimit {
  private messages: number;
  private bytes: number;
  private last = performance.now();

  constructor(private readonly limits = { messagesPerSecond: 300, messageBurst: 3000, bytesPerSecond: 4_000_000, byteBurst: 16_000_000 }) {
    this.messages = limits.messageBurst;
    this.bytes = limits.byteBurst;
  }

  /** Takes one message of `size` bytes; false when the socket is over its limits. */
  take(size: number): boolean {
    const now = performance.now();
    const seconds = (now - this.last) / 1000;
    this.last = now;
    this.messages = Math.min(this.limits.messageBurst, this.messages + seconds * this.limits.messagesPerSecond) - 1;
    this.bytes = Math.min(this.limits.byteBurst, this.bytes + seconds * this.limits.bytesPerSecond) - size;
    return this.messages >= 0 && this.bytes >= 0;
  }
}
