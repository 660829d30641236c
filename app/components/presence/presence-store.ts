import type { Presence } from '../../../collab/protocol.ts';
import { createStore, type Store } from '../grid/store.ts';
import type { Member } from '../grid/types.ts';
import { userColor } from './user-color.ts';

export interface Viewer {
  userId: string;
  name: string;
  color: string;
}

export interface CellPresence {
  name: string;
  color: string;
  editing: boolean;
}

export interface PresenceState {
  /** Everyone else with the table open, each person once. */
  viewers: readonly Viewer[];
  /** Other people's selected cells by `recordId:fieldId`. */
  cells: ReadonlyMap<string, readonly CellPresence[]>;
}

export type PresenceStore = Store<PresenceState>;

export const cellKey = (recordId: string, fieldId: string) => `${recordId}:${fieldId}`;

export function createPresenceStore(): PresenceStore {
  return createStore<PresenceState>({ viewers: [], cells: new Map() });
}

interface AwarenessLike {
  clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: 'change', listener: () => void): void;
  off(event: 'change', listener: () => void): void;
}

/**
 * Keeps the store in step with the table channel's awareness. Names and colors come from
 * the base's members by user id, never from the state itself, so nobody can pose as someone
 * else; states of users who are not members are ignored.
 */
export function watchAwareness(awareness: AwarenessLike, store: PresenceStore, members: ReadonlyMap<string, Member>, myUserId: string): () => void {
  const update = () => {
    const viewers = new Map<string, Viewer>();
    const cells = new Map<string, CellPresence[]>();
    for (const [clientId, raw] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const state = raw as Presence;
      const userId = state.user?.id;
      const member = userId ? members.get(userId) : undefined;
      if (!userId || !member) continue;
      const color = userColor(userId);
      if (userId !== myUserId) viewers.set(userId, { userId, name: member.name, color });
      if (state.cell && typeof state.cell.recordId === 'string' && typeof state.cell.fieldId === 'string') {
        const key = cellKey(state.cell.recordId, state.cell.fieldId);
        cells.set(key, [...(cells.get(key) ?? []), { name: member.name, color, editing: state.editing === true }]);
      }
    }
    store.set({ viewers: [...viewers.values()], cells });
  };
  awareness.on('change', update);
  update();
  return () => awareness.off('change', update);
}
