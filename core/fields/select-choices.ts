import { z } from 'zod';
import { compareText, normalizeWidth } from '../values/text.ts';

/** The palette choices draw from; the app maps each name to its light and dark shades. */
export const SELECT_COLORS = ['blue', 'cyan', 'teal', 'green', 'yellow', 'orange', 'red', 'pink', 'purple', 'gray'] as const;
export type SelectColor = (typeof SELECT_COLORS)[number];
export const MAX_CHOICE_NAME = 200;

export interface Choice {
  id: string;
  name: string;
  color: SelectColor;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** "sel" + 14 random characters; Web Crypto so that the browser can create choices too. */
export function newChoiceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  return `sel${Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')}`;
}

const colorAt = (index: number): SelectColor => SELECT_COLORS[index % SELECT_COLORS.length]!;

const choiceInput = z.object({
  id: z.string().trim().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(MAX_CHOICE_NAME),
  color: z.enum(SELECT_COLORS).optional(),
});

/** Options of singleSelect and multipleSelects. New choices get an id and the next color. */
export const selectOptions = z
  .object({ choices: z.array(choiceInput).max(1000).default([]) })
  .prefault({})
  .superRefine(({ choices }, ctx) => {
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const [index, choice] of choices.entries()) {
      if (names.has(choice.name)) ctx.addIssue({ code: 'custom', path: ['choices', index, 'name'], message: `choice ${JSON.stringify(choice.name)} appears twice` });
      if (choice.id && ids.has(choice.id)) ctx.addIssue({ code: 'custom', path: ['choices', index, 'id'], message: `choice id ${JSON.stringify(choice.id)} appears twice` });
      names.add(choice.name);
      if (choice.id) ids.add(choice.id);
    }
  })
  .transform(({ choices }) => ({
    choices: choices.map((choice, index): Choice => ({
      id: choice.id ?? newChoiceId(),
      name: choice.name,
      color: choice.color ?? colorAt(index),
    })),
  }));
export type SelectOptions = z.output<typeof selectOptions>;

/** Options with `names` appended as new choices: how callers apply a coerce's addChoices. */
export function withAddedChoices(options: SelectOptions, names: readonly string[]): SelectOptions {
  const choices = [...options.choices];
  for (const name of names) {
    if (!choices.some((choice) => choice.name === name)) {
      choices.push({ id: newChoiceId(), name, color: colorAt(choices.length) });
    }
  }
  return { ...options, choices };
}

// Full-width and case differences are the same choice to a person ("ＶＩＰ", "vip", "VIP").
const foldKey = (name: string) => normalizeWidth(name).toLowerCase();

/** The choice `name` means: the exact name first, else one equal ignoring case and width. */
export function findChoiceName(name: string, choices: readonly Pick<Choice, 'name'>[]): string | undefined {
  if (choices.some((choice) => choice.name === name)) return name;
  const key = foldKey(name);
  return choices.find((choice) => foldKey(choice.name) === key)?.name;
}

// compare runs n·log n times in a sort; build each field's order once per options object.
const orders = new WeakMap<SelectOptions, Map<string, number>>();

function choiceOrder(options: SelectOptions): Map<string, number> {
  let order = orders.get(options);
  if (!order) {
    order = new Map(options.choices.map((choice, index) => [choice.name, index]));
    orders.set(options, order);
  }
  return order;
}

/** By the order of the choices, as the field lists them; names no longer a choice after, by name. */
export function compareChoices(a: string, b: string, options: SelectOptions): number {
  const order = choiceOrder(options);
  const ia = order.get(a) ?? Number.POSITIVE_INFINITY;
  const ib = order.get(b) ?? Number.POSITIVE_INFINITY;
  if (ia !== ib) return ia < ib ? -1 : 1;
  return ia === Number.POSITIVE_INFINITY ? compareText(a, b) : 0;
}
