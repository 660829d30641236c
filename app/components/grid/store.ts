import { useCallback, useSyncExternalStore } from 'react';

/**
 * A value with subscribers, for state that changes faster than React state should (range
 * selection while dragging, presence, toasts): each cell subscribes with a selector and
 * re-renders only when its own slice changes.
 */
export interface Store<T> {
  get(): T;
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const resolved = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      if (Object.is(resolved, value)) return;
      value = resolved;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A slice of a store; `select` must return a primitive or a stable object to avoid loops. */
export function useStore<T, S>(store: Store<T>, select: (value: T) => S): S {
  const get = useCallback(() => select(store.get()), [store, select]);
  return useSyncExternalStore(store.subscribe, get, get);
}
