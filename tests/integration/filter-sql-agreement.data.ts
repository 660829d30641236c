import type { Attachment, Field, FieldType, StoredTypeName, ValueKind } from '../../core/fields/field-type.ts';
import { requireFieldType } from '../../core/fields/registry.ts';
import { testField } from '../../core/filter/test-fields.ts';
import type { Random } from '../support/seeded-random.ts';

/**
 * Random data for filter-sql-agreement.test.ts: fields of every stored type, rows in storage
 * format (canonical values through toStorage, plus raw forms that read back as empty such as
 * '' and '[]'), and operands per kind. Everything draws from one seeded generator.
 */
export { seeded, type Random } from '../support/seeded-random.ts';

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const chance = (random: Random, p: number) => random() < p;
export const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
export function some<T>(random: Random, items: readonly T[], max: number): T[] {
  return Array.from({ length: int(random, 0, max) }, () => pick(random, items));
}

export const TABLE_ID = 'tblAgreement';
const CHOICES = ['Lead', 'Proposal', 'Negotiation', 'Won', '重点客户'];
const TAGS = ['VIP', '重点', 'Cold', 'a_b', '50%'];
export const USERS = ['usrAlice', 'usrBob', 'usrMe', 'usrZhang'];

const field = (type: StoredTypeName, options: Record<string, unknown> = {}, suffix = '') =>
  ({ ...testField(`fld${type}${suffix}`, `${type}${suffix}`, type, options), tableId: TABLE_ID });

/** Every stored type once, plus variants whose options change filter semantics. */
export const FIELDS: Field[] = [
  field('singleLineText'), field('longText'), field('email'), field('phoneNumber'), field('url'),
  field('number'), field('currency'), field('percent'), field('rating'), field('autoNumber'),
  field('checkbox'),
  field('date'), field('date', { includeTime: true }, 'Time'), field('date', { includeTime: true, timeZone: 'America/New_York' }, 'NewYork'),
  field('createdTime'), field('lastModifiedTime'),
  field('singleSelect', { choices: CHOICES.map((name) => ({ name })) }),
  field('multipleSelects', { choices: TAGS.map((name) => ({ name })) }),
  field('user'), field('createdBy'), field('lastModifiedBy'),
  field('attachment'),
];
export const typeOf = (f: Field): FieldType => requireFieldType(f.type) as FieldType;

// Text that trips SQL and case folding: wildcards, quotes, non-ASCII case, astral characters.
const TEXT = [
  'Acme', 'ACME', 'acme corp', '张三', '上海浦东发展银行', '100%', '50% off', 'a_b', 'ab', 'back\\slash', "O'Brien",
  "'; DROP TABLE t_x; --", 'Ärger', 'ärger', 'ÉCOLE', 'école', ' ', 'x', '😀 emoji', 'Ａ全角', 'İstanbul', 'line\nbreak', 'Z', '_', '%',
];
export const TEXT_FRAGMENTS = [...TEXT, 'a', 'AC', 'CM', 'c', '上海', '%', '_', '\\', "'", 'É', 'é', '😀', '', 'DROP'];
export const NUMBERS = [0, -0, 1, -1, 5, 2.5, 0.1 + 0.2, 0.3, 1e15, -1e-9, 123456.78, -5, 100, 99.99, 2 ** 53 - 1];
const FILENAMES = ['Quote.PDF', '合同.docx', '100%_final.xlsx', 'a_b.png', 'notes.txt'];

/** Days and instants cluster around `now` and the zone midnights near it, where bugs live. */
export function dateMaterial(now: Date) {
  const dayMs = 86_400_000;
  const days: string[] = [];
  for (let i = -40; i <= 40; i++) days.push(new Date(now.getTime() + i * dayMs).toISOString().slice(0, 10));
  days.push('0001-01-01', '9999-12-31', '2000-02-29');
  const instants: string[] = [];
  for (const day of days.slice(30, 52)) {
    for (const offset of [16, 4, 5, 0]) { // Shanghai midnight is 16:00Z; New York's 04:00Z or 05:00Z
      const midnight = Date.parse(`${day}T00:00:00.000Z`) + offset * 3_600_000;
      for (const delta of [-1, 0, 1, 3_599_999, -3_600_000]) instants.push(new Date(midnight + delta).toISOString());
    }
  }
  instants.push('0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z');
  return { days, instants };
}

function attachments(random: Random): Attachment[] {
  return Array.from({ length: int(random, 1, 3) }, () => {
    const id = Array.from({ length: 64 }, () => pick(random, [...'0123456789abcdef'])).join('');
    return { id, filename: pick(random, FILENAMES), size: int(random, 0, 9999), type: 'application/octet-stream', url: `/api/v1/attachments/${id}` };
  });
}

/** A value of the kind for a column, null about one time in six. */
export function randomValue(random: Random, kind: ValueKind, f: Field, dates: ReturnType<typeof dateMaterial>): unknown {
  if (chance(random, 0.16)) return null;
  const includeTime = f.type !== 'date' || Boolean((f.options as { includeTime?: boolean }).includeTime);
  switch (kind) {
    case 'text': return chance(random, 0.3) ? pick(random, TEXT) + pick(random, TEXT) : pick(random, TEXT);
    case 'number': return f.type === 'rating' ? int(random, 1, 5) : chance(random, 0.5) ? pick(random, NUMBERS) : Math.round((random() - 0.5) * 2000) / 8;
    case 'boolean': return chance(random, 0.5);
    case 'date': return includeTime ? pick(random, dates.instants) : pick(random, dates.days);
    case 'select': return pick(random, [...CHOICES, 'Archived']);
    case 'multi': return [...new Set(Array.from({ length: int(random, 1, 3) }, () => pick(random, [...TAGS, 'Old'])))];
    case 'user': return pick(random, USERS);
    case 'attachment': return attachments(random);
  }
}

/** Raw forms that are not what toStorage writes but must still read as empty on both sides. */
export function emptyRaw(kind: ValueKind): unknown[] {
  switch (kind) {
    case 'text': case 'select': case 'user': return [null, ''];
    case 'multi': case 'attachment': return [null, '', '[]'];
    case 'boolean': return [null, 0];
    default: return [null];
  }
}
