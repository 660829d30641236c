import type { GroupNode } from './group-tree.ts';

/** A run of grid rows inside one block: a group's header row, or some records of a deepest-level group. */
export type Segment =
  | { kind: 'header'; node: GroupNode; collapsed: boolean }
  | { kind: 'records'; group: GroupNode; offset: number; limit: number };

/**
 * The grid's rows of a grouped view are a flat list: each group's header, then (unless the
 * person collapsed it) its subgroups or its records. These functions map positions in that
 * list to headers and record ranges without materializing it: a block costs a walk over the
 * groups, never over the records.
 */
export function sizeOf(node: GroupNode, collapsed: ReadonlySet<string>): number {
  if (collapsed.has(node.id)) return 1;
  if (!node.children) return 1 + node.count;
  let size = 1;
  for (const child of node.children) size += sizeOf(child, collapsed);
  return size;
}

export function layoutLength(roots: readonly GroupNode[], collapsed: ReadonlySet<string>): number {
  let total = 0;
  for (const node of roots) total += sizeOf(node, collapsed);
  return total;
}

/** The segments covering rows [start, start + limit) of the flat list, in order. */
export function mapBlock(roots: readonly GroupNode[], collapsed: ReadonlySet<string>, start: number, limit: number): Segment[] {
  const end = start + limit;
  const segments: Segment[] = [];
  let position = 0;
  const walk = (nodes: readonly GroupNode[]): void => {
    for (const node of nodes) {
      if (position >= end) return;
      const size = sizeOf(node, collapsed);
      if (position + size <= start) {
        position += size;
        continue;
      }
      const isCollapsed = collapsed.has(node.id);
      if (position >= start) segments.push({ kind: 'header', node, collapsed: isCollapsed });
      position += 1;
      if (isCollapsed) continue;
      if (node.children) {
        walk(node.children);
        continue;
      }
      const from = Math.max(start, position);
      const to = Math.min(end, position + node.count);
      if (to > from) segments.push({ kind: 'records', group: node, offset: from - position, limit: to - from });
      position += node.count;
    }
  };
  walk(roots);
  return segments;
}
