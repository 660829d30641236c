import type { TableMessage } from '../../../collab/client/index.ts';
import { createStore, type Store } from '../grid/store.ts';
import { fetchStackCards, fetchStacks, moveCard, type Card, type StacksJson } from './board-api.ts';

/** Cards each stack comes with on the first request, and per page after that. */
export const FIRST_CARDS = 30;
export const PAGE_SIZE = 50;

export interface StackState {
  key: string;
  value: string | null;
  known: boolean;
  count: number;
  sum: number | null;
  /** Cards by position; a hole is a card not loaded yet. */
  cards: Array<Card | undefined>;
}

export interface BoardState {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  stacks: StackState[];
  total: number | null;
  sumField: string | null;
}

/** Which fields decide where cards are and what the stacks add up to. */
export interface BoardQuery {
  stackField: string;
  sumField: string | null;
  /** Filter and sort fields: a change to one can move a card or take it out of the view. */
  orderFields: ReadonlySet<string>;
  /** The view has sorts: they, not a manual order, place cards within a stack. */
  sorted: boolean;
}

const INITIAL: BoardState = { status: 'loading', error: null, stacks: [], total: null, sumField: null };

/**
 * A kanban board's data outside React: stacks with counts and sums, and each stack's cards
 * as a sparse list filled page by page as the stack scrolls (so 10,000 cards cost a few
 * requests, and the DOM holds only the visible ones). The table channel's patches update
 * cards in place; a change that can move cards reloads the stacks, coalesced.
 */
export class KanbanModel {
  readonly state: Store<BoardState> = createStore<BoardState>(INITIAL);
  /** Bumped by every reload: pages asked for before it are stale when they arrive. */
  private generation = 0;
  private loading = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;
  onError: (message: string) => void = () => {};

  constructor(readonly tableId: string, readonly viewId: string, public query: BoardQuery) {}

  /** Stacks and their first cards, in one request; coalesced while one runs. */
  async load(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    const generation = ++this.generation;
    this.loading.clear();
    try {
      const body = await fetchStacks(this.tableId, this.viewId, FIRST_CARDS);
      if (generation === this.generation) this.state.set(fromJson(body));
      performance.mark('tessera:board-loaded');
    } catch (error) {
      this.state.set((state) => ({ ...state, status: 'error', error: (error as Error).message }));
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        void this.load();
      }
    }
  }

  reloadSoon(ms = 100): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), ms);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.generation += 1;
  }

  /** Loads the pages of a stack that hold positions first…last and are not loaded yet. */
  ensure(key: string, first: number, last: number): void {
    const stack = this.state.get().stacks.find((entry) => entry.key === key);
    if (!stack) return;
    const end = Math.min(last, stack.count - 1);
    for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page * PAGE_SIZE <= end; page++) {
      const start = page * PAGE_SIZE;
      let missing = false;
      for (let i = Math.max(start, first); i <= Math.min(end, start + PAGE_SIZE - 1); i++) if (!stack.cards[i]) missing = true;
      const id = `${key}:${page}`;
      if (!missing || this.loading.has(id)) continue;
      this.loading.add(id);
      const generation = this.generation;
      fetchStackCards(this.tableId, this.viewId, key, start, PAGE_SIZE).then(
        ({ cards }) => {
          this.loading.delete(id);
          if (generation !== this.generation) return;
          this.updateStack(key, (current) => {
            const next = [...current.cards];
            cards.forEach((card, index) => { next[start + index] = card; });
            return { ...current, cards: next };
          });
        },
        (error: unknown) => {
          this.loading.delete(id);
          this.onError((error as Error).message);
        },
      );
    }
  }

  /** A message of the table channel. */
  onMessage(message: TableMessage): void {
    if (message.type === 'patch') {
      const changed = Object.keys(message.values);
      const moves = changed.some((id) => id === this.query.stackField || id === this.query.sumField || this.query.orderFields.has(id));
      this.patchCard(message.recordId, message.version, message.values);
      if (moves) this.reloadSoon();
      return;
    }
    // Records came or went, a bulk change, or the view's manual order (a schema message).
    this.reloadSoon();
  }

  find(recordId: string): { stack: StackState; index: number; card: Card } | undefined {
    for (const stack of this.state.get().stacks) {
      const index = stack.cards.findIndex((card) => card?.id === recordId);
      if (index >= 0) return { stack, index, card: stack.cards[index]! };
    }
    return undefined;
  }

  /**
   * A card dragged to `toKey` at `index` (its position counted without the card itself).
   * Shown at once; the server's answer and the reload that follows confirm or undo it.
   */
  async move(recordId: string, toKey: string, index: number): Promise<void> {
    const found = this.find(recordId);
    const target = this.state.get().stacks.find((stack) => stack.key === toKey);
    if (!found || !target) return;
    const sameStack = found.stack.key === toKey;
    const remaining = without(sameStack ? found.stack.cards : target.cards, recordId);
    const place = Math.max(0, Math.min(index, remaining.length));
    if (sameStack && place === found.index) return;
    // The card above the drop: the server ranks the moved card right after it.
    const above = place === 0 ? null : remaining[place - 1]?.id;
    const afterId = this.query.sorted ? undefined : above === undefined ? undefined : above;
    const amount = this.query.sumField ? Number(found.card.values[this.query.sumField] ?? 0) || 0 : 0;
    const moved: Card = { ...found.card, values: { ...found.card.values, [this.query.stackField]: target.value } };
    this.generation += 1; // pages in flight describe the old order
    this.state.set((state) => ({
      ...state,
      stacks: state.stacks.map((stack) => {
        if (stack.key === toKey) {
          const cards = [...remaining];
          cards.splice(place, 0, moved);
          const delta = sameStack ? 0 : 1;
          return { ...stack, cards, count: stack.count + delta, sum: stack.sum === null ? null : stack.sum + delta * amount };
        }
        if (stack.key === found.stack.key) {
          return { ...stack, cards: without(stack.cards, recordId), count: stack.count - 1, sum: stack.sum === null ? null : stack.sum - amount };
        }
        return stack;
      }),
    }));
    try {
      await moveCard(this.tableId, { view: this.viewId, recordId, toStack: toKey, ...(afterId !== undefined ? { afterId } : {}) });
    } catch (error) {
      this.onError((error as Error).message);
    } finally {
      this.reloadSoon(0);
    }
  }

  private patchCard(recordId: string, version: number, values: Record<string, unknown>): void {
    const found = this.find(recordId);
    if (!found || version <= found.card.version) return;
    this.updateStack(found.stack.key, (stack) => {
      const cards = [...stack.cards];
      cards[found.index] = { id: recordId, version, values: { ...found.card.values, ...values } };
      return { ...stack, cards };
    });
  }

  private updateStack(key: string, change: (stack: StackState) => StackState): void {
    this.state.set((state) => ({ ...state, stacks: state.stacks.map((stack) => (stack.key === key ? change(stack) : stack)) }));
  }
}

/** The list without one card; holes stay holes at their positions (Array#filter would drop them). */
function without(cards: ReadonlyArray<Card | undefined>, recordId: string): Array<Card | undefined> {
  return Array.from(cards).filter((card) => card?.id !== recordId);
}

function fromJson(body: StacksJson): BoardState {
  return {
    status: 'ready',
    error: null,
    total: body.total,
    sumField: body.sumField,
    stacks: body.stacks.map((stack) => {
      const cards: Array<Card | undefined> = new Array<Card | undefined>(stack.count);
      (stack.cards ?? []).forEach((card, index) => { cards[index] = card; });
      return { key: stack.key, value: stack.value, known: stack.known, count: stack.count, sum: stack.sum, cards };
    }),
  };
}
