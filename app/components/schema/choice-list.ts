import { newChoiceId, SELECT_COLORS, type Choice, type SelectColor } from '../../../core/fields/index.ts';

// Pure edits of a select field's choice list; the editor component only wires them to
// inputs. Every choice keeps its id through edits, so the server maps a rename to the rows
// that hold the old name instead of clearing them (docs/decisions/0012).

/** The same limit as core/fields/select-choices.ts. */
export const MAX_CHOICE_NAME = 200;

export function choicesOf(options: Record<string, unknown>): Choice[] {
  const raw = options.choices;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const { id, name, color } = item as Record<string, unknown>;
    if (typeof name !== 'string') return [];
    return [{
      id: typeof id === 'string' ? id : newChoiceId(),
      name,
      color: (SELECT_COLORS as readonly unknown[]).includes(color) ? (color as SelectColor) : SELECT_COLORS[0],
    }];
  });
}

/** The first palette color no choice uses yet, else the next in turn: neighbours differ. */
export function nextColor(choices: readonly Choice[]): SelectColor {
  const used = new Set(choices.map((choice) => choice.color));
  return SELECT_COLORS.find((color) => !used.has(color)) ?? SELECT_COLORS[choices.length % SELECT_COLORS.length]!;
}

export function addChoice(choices: readonly Choice[], name = ''): Choice[] {
  return [...choices, { id: newChoiceId(), name, color: nextColor(choices) }];
}

/**
 * Many choices at once, one per line, as people paste a column out of Excel. Blank lines
 * and names already in the list are skipped.
 */
export function addChoicesFromText(choices: readonly Choice[], text: string): Choice[] {
  let next = [...choices];
  for (const line of text.split(/\r\n|\r|\n|\t/)) {
    const name = line.trim();
    if (name && !next.some((choice) => choice.name.trim() === name)) next = addChoice(next, name);
  }
  return next;
}

export function renameChoice(choices: readonly Choice[], id: string, name: string): Choice[] {
  return choices.map((choice) => (choice.id === id ? { ...choice, name } : choice));
}

export function recolorChoice(choices: readonly Choice[], id: string, color: SelectColor): Choice[] {
  return choices.map((choice) => (choice.id === id ? { ...choice, color } : choice));
}

export function removeChoice(choices: readonly Choice[], id: string): Choice[] {
  return choices.filter((choice) => choice.id !== id);
}

/** Moves a choice up (-1) or down (+1); the list order is the field's sort order. */
export function moveChoice(choices: readonly Choice[], id: string, delta: -1 | 1): Choice[] {
  const from = choices.findIndex((choice) => choice.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= choices.length) return [...choices];
  const next = [...choices];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export type ChoiceProblem = 'empty' | 'duplicate' | 'tooLong';

/**
 * What is wrong with each choice, by id: the server refuses empty names, names over 200
 * characters and the same name twice (after trimming).
 */
export function choiceProblems(choices: readonly Choice[]): Map<string, ChoiceProblem> {
  const problems = new Map<string, ChoiceProblem>();
  const seen = new Set<string>();
  for (const choice of choices) {
    const name = choice.name.trim();
    if (!name) problems.set(choice.id, 'empty');
    else if (name.length > MAX_CHOICE_NAME) problems.set(choice.id, 'tooLong');
    else if (seen.has(name)) problems.set(choice.id, 'duplicate');
    seen.add(name);
  }
  return problems;
}

/** Choices as sent to the API: trimmed names, ids and colors kept. */
export function choicesForPayload(choices: readonly Choice[]): Choice[] {
  return choices.map((choice) => ({ ...choice, name: choice.name.trim() }));
}
