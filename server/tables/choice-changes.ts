// Edits of a select field's choices. These read the `choices` shape of select options
// ({id, name}[]) rather than type names, so any type with choices gets the same care.

interface ChoiceLike {
  id?: unknown;
  name?: unknown;
  color?: unknown;
}

function choicesOf(options: unknown): ChoiceLike[] | undefined {
  const choices = (options as { choices?: unknown } | null | undefined)?.choices;
  return Array.isArray(choices) ? (choices as ChoiceLike[]) : undefined;
}

/**
 * Options as a client sends them often list choices by name only (scripts, Airtable-style
 * payloads). Such a choice keeps the id and color of the existing choice of that name, so
 * resending the list is not a delete-and-recreate and colors do not shuffle.
 */
export function carryChoiceIds(input: unknown, current: unknown): unknown {
  const incoming = choicesOf(input);
  const existing = choicesOf(current);
  if (!incoming || !existing) return input;
  const byName = new Map(existing.map((choice) => [choice.name, choice]));
  const choices = incoming.map((choice) => {
    if (!choice || typeof choice !== 'object' || choice.id !== undefined) return choice;
    const old = byName.get(typeof choice.name === 'string' ? choice.name.trim() : choice.name);
    return old ? { ...choice, id: old.id, color: choice.color ?? old.color } : choice;
  });
  return { ...(input as object), choices };
}

/** Old name → new name of every choice that kept its id and changed its name. */
export function choiceRenames(before: unknown, after: unknown): Map<string, string> {
  const renames = new Map<string, string>();
  const next = new Map((choicesOf(after) ?? []).map((choice) => [choice.id, choice.name]));
  for (const choice of choicesOf(before) ?? []) {
    const name = next.get(choice.id);
    if (typeof choice.name === 'string' && typeof name === 'string' && name !== choice.name) renames.set(choice.name, name);
  }
  return renames;
}

/**
 * A select value under renamed choices. Choices that are gone are dropped from lists (the
 * rest of the list stays) and left as they are in single values, where the coerce refuses
 * them so that the report names what was cleared.
 */
export function renameChoiceValue(value: unknown, renames: ReadonlyMap<string, string>, after: unknown): unknown {
  if (typeof value === 'string') return renames.get(value) ?? value;
  if (!Array.isArray(value)) return value;
  const names = new Set((choicesOf(after) ?? []).map((choice) => choice.name));
  const kept = value.map((item) => (typeof item === 'string' ? (renames.get(item) ?? item) : item)).filter((item) => names.has(item));
  return kept.length ? kept : null;
}
