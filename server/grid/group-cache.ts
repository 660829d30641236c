import type { AppContext } from '../context.ts';
import type { RecordBatchCommitted } from '../events/index.ts';
import type { GroupTree } from './group-tree.ts';

const MAX_ENTRIES = 32;

interface Entry {
  tableId: string;
  /** Fields whose change can move a record between groups or change a count or sum. */
  fields: ReadonlySet<string>;
  tree: GroupTree;
}

/**
 * Group trees per (view rows, grouping, summed fields), kept until a committed change could
 * make them wrong: a grouped grid asks for the tree with every block it loads, and
 * computing it reads every row of the view (~300 ms at 1M rows). Edits to fields the tree
 * does not read leave it alone; creates and deletes always rebuild.
 */
export class GroupTrees {
  private readonly entries = new Map<string, Entry>();
  private readonly unsubscribe: Array<() => void>;

  constructor(ctx: AppContext) {
    this.unsubscribe = [
      ctx.events.on('records', (batch) => this.committed(batch)),
      ctx.events.on('schema', (event) => {
        if (event.kind === 'view') return;
        for (const [key, entry] of this.entries) if (entry.tableId === event.tableId) this.entries.delete(key);
      }),
    ];
  }

  get(key: string, tableId: string, fields: ReadonlySet<string>, build: () => GroupTree): GroupTree {
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.tree;
    }
    const tree = build();
    this.entries.set(key, { tableId, fields, tree });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return tree;
  }

  close(): void {
    this.unsubscribe.forEach((off) => off());
    this.entries.clear();
  }

  private committed(batch: RecordBatchCommitted): void {
    for (const [key, entry] of this.entries) {
      if (entry.tableId !== batch.tableId) continue;
      const survives = batch.changes.every((change) => change.action === 'updated' && !Object.keys(change.after).some((id) => entry.fields.has(id)));
      if (!survives) this.entries.delete(key);
    }
  }
}

const caches = new WeakMap<AppContext, GroupTrees>();

export function groupTreesOf(ctx: AppContext): GroupTrees {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new GroupTrees(ctx);
    caches.set(ctx, cache);
  }
  return cache;
}
