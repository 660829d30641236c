import { isFilterGroup, MAX_FILTER_DEPTH, type FilterCondition, type FilterGroup, type FilterNode } from '../../../core/filter/tree.ts';

/**
 * Edits of a filter tree as the builder makes them, addressed by path (the index of the node
 * at each level below the root, as the server's FilterProblem paths are). Pure: each returns
 * a new tree and leaves the old one alone, so React state and undo stay simple.
 */
export type NodePath = readonly number[];

export const EMPTY_FILTER: FilterGroup = { conjunction: 'and', conditions: [] };

/** The group at `path` (the root for []); undefined when the path leads nowhere or to a condition. */
export function groupAt(tree: FilterGroup, path: NodePath): FilterGroup | undefined {
  let node: FilterNode = tree;
  for (const index of path) {
    if (!isFilterGroup(node)) return undefined;
    const child: FilterNode | undefined = node.conditions[index];
    if (!child) return undefined;
    node = child;
  }
  return isFilterGroup(node) ? node : undefined;
}

/** Rebuilds the path down to the group at `path`, replacing it with what `edit` returns. */
function editGroup(tree: FilterGroup, path: NodePath, edit: (group: FilterGroup) => FilterGroup): FilterGroup {
  if (path.length === 0) return edit(tree);
  const [head, ...rest] = path;
  const child = tree.conditions[head!];
  if (!child || !isFilterGroup(child)) return tree;
  const conditions = [...tree.conditions];
  conditions[head!] = editGroup(child, rest, edit);
  return { ...tree, conditions };
}

export function addCondition(tree: FilterGroup, groupPath: NodePath, condition: FilterCondition): FilterGroup {
  return editGroup(tree, groupPath, (group) => ({ ...group, conditions: [...group.conditions, condition] }));
}

/**
 * Adds a nested group holding one condition. The new group takes the other conjunction
 * than its parent's: "A and (B or C)" is why people nest at all.
 */
export function addGroup(tree: FilterGroup, groupPath: NodePath, first: FilterCondition): FilterGroup {
  if (!canNest(groupPath)) return tree;
  return editGroup(tree, groupPath, (group) => ({
    ...group,
    conditions: [...group.conditions, { conjunction: group.conjunction === 'and' ? 'or' : 'and', conditions: [first] }],
  }));
}

/** Whether a group at `groupPath` may hold another group (the server refuses deeper trees). */
export function canNest(groupPath: NodePath): boolean {
  // The root is level 1; a group at path length L is level L + 1, and its new child group's
  // conditions are level L + 3.
  return groupPath.length + 3 <= MAX_FILTER_DEPTH;
}

/** Removes a condition or a group; a group left empty by it goes too, so no hollow "()" stays behind. */
export function removeNode(tree: FilterGroup, path: NodePath): FilterGroup {
  if (path.length === 0) return tree;
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1]!;
  const next = editGroup(tree, parentPath, (group) => ({ ...group, conditions: group.conditions.filter((_, i) => i !== index) }));
  const parent = groupAt(next, parentPath);
  return parentPath.length > 0 && parent && parent.conditions.length === 0 ? removeNode(next, parentPath) : next;
}

export function replaceCondition(tree: FilterGroup, path: NodePath, condition: FilterCondition): FilterGroup {
  if (path.length === 0) return tree;
  const index = path[path.length - 1]!;
  return editGroup(tree, path.slice(0, -1), (group) => {
    const current = group.conditions[index];
    if (!current || isFilterGroup(current)) return group;
    const conditions = [...group.conditions];
    conditions[index] = condition;
    return { ...group, conditions };
  });
}

export function setConjunction(tree: FilterGroup, groupPath: NodePath, conjunction: 'and' | 'or'): FilterGroup {
  return editGroup(tree, groupPath, (group) => ({ ...group, conjunction }));
}

/** Conditions in the whole tree (what the toolbar button counts). */
export function countConditions(tree: FilterGroup | null | undefined): number {
  if (!tree) return 0;
  return tree.conditions.reduce((sum, node) => sum + (isFilterGroup(node) ? countConditions(node) : 1), 0);
}

/**
 * The tree as it is saved: conditions still missing their value are left out (a half-built
 * condition filters nothing yet, as in Airtable), and so are the groups that leaves empty.
 * Null when nothing is left, so a view without conditions has no filter at all.
 */
export function savableFilter(tree: FilterGroup, isComplete: (condition: FilterCondition) => boolean): FilterGroup | null {
  const prune = (group: FilterGroup): FilterGroup => ({
    conjunction: group.conjunction,
    conditions: group.conditions.flatMap((node): FilterNode[] => {
      if (!isFilterGroup(node)) return isComplete(node) ? [node] : [];
      const inner = prune(node);
      return inner.conditions.length ? [inner] : [];
    }),
  });
  const pruned = prune(tree);
  return pruned.conditions.length ? pruned : null;
}
