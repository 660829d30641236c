import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Field, ValueKind } from '../../core/fields/field-type.ts';
import { compileMatcher } from '../../core/filter/evaluate.ts';
import { SUPPORTED_OPERATORS } from '../../core/filter/predicates.ts';
import { resolveFilter } from '../../core/filter/resolve.ts';
import type { FilterContext } from '../../core/filter/resolved.ts';
import { compareRecordsBy, NULL_ONLY_EMPTY, resolveSorts, type SortableRecord } from '../../core/filter/sort.ts';
import { DATE_MODES } from '../../core/filter/date-operands.ts';
import { WITHIN_PERIODS, type FilterOperator } from '../../core/filter/operators.ts';
import { openDatabase, type Database } from '../../server/db/index.ts';
import { queryRecords } from '../../server/views/record-query.ts';
import { fieldColumnName } from '../../server/views/columns.ts';
import { migrations } from '../../migrations/index.ts';
import {
  chance, dateMaterial, emptyRaw, FIELDS, int, NUMBERS, pick, randomValue, seeded, some, TABLE_ID, TEXT_FRAGMENTS,
  typeOf, USERS, type Random,
} from './filter-sql-agreement.data.ts';

// Replay a failure with FILTER_SEED=<seed> npx vitest run tests/integration/filter-sql-agreement.test.ts
const SEED = process.env.FILTER_SEED ? Number(process.env.FILTER_SEED) : Math.floor(Math.random() * 2 ** 31);
const ROWS = 300;
const random: Random = seeded(SEED);
const now = new Date(Date.parse('2024-03-10T03:30:00.000Z') + int(random, -3 * 86_400, 3 * 86_400) * 1000);
const dates = dateMaterial(now);
const ZONES = ['Asia/Shanghai', 'America/New_York'] as const;
const context = (timeZone: string): FilterContext => ({ now, timeZone, userId: 'usrMe' });
const because = (what: unknown) => `seed ${SEED} (replay with FILTER_SEED=${SEED}): ${JSON.stringify(what)}`;

// The engine's whole operator matrix, not only what each type lists today.
const everyOperator = (f: Field) => ({ ...typeOf(f), operators: SUPPORTED_OPERATORS[typeOf(f).kind] });

let dir: string;
let db: Database;
let records: SortableRecord[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-filter-'));
  db = await openDatabase({ dataDir: dir, migrations });
  const columns = FIELDS.filter((f) => typeOf(f).storage.kind === 'column');
  db.sqlite.exec(`CREATE TABLE t_${TABLE_ID} (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
    ${columns.map((f) => `${fieldColumnName(f, typeOf(f))} ${(typeOf(f).storage as { sqlType: string }).sqlType}`).join(', ')})`);
  const insert = db.sqlite.prepare(`INSERT INTO t_${TABLE_ID} VALUES (${['?', '?', '?', '?', '?', '?', ...columns.map(() => '?')].join(', ')})`);
  const user = () => (chance(random, 0.15) ? null : pick(random, USERS));
  db.transaction(() => {
    for (let id = 1; id <= ROWS; id++) {
      const values = columns.map((f) => {
        const type = typeOf(f);
        if (chance(random, 0.06)) return pick(random, emptyRaw(type.kind));
        return type.toStorage(randomValue(random, type.kind, f, dates), f.options);
      });
      insert.run(id, 1, pick(random, dates.instants), pick(random, dates.instants), user(), user(), ...values);
    }
  });
  const rows = db.sqlite.prepare(`SELECT * FROM t_${TABLE_ID} ORDER BY id`).all() as Record<string, unknown>[];
  records = rows.map((row) => ({
    id: row.id as number,
    values: Object.fromEntries(FIELDS.map((f) => [f.id, typeOf(f).fromStorage(row[fieldColumnName(f, typeOf(f))], f.options)])),
  }));
});

afterAll(() => {
  db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const LIST_OPERATORS = new Set<FilterOperator>(['isAnyOf', 'isNoneOf', 'hasAnyOf', 'hasAllOf']);

function operand(kind: ValueKind, operator: FilterOperator): unknown {
  const list = LIST_OPERATORS.has(operator) || kind === 'multi';
  const maybeCase = (text: string) => pick(random, [text, text.toUpperCase(), text.toLowerCase()]);
  switch (kind) {
    case 'text': case 'attachment': {
      const one = () => maybeCase(pick(random, TEXT_FRAGMENTS));
      return list ? Array.from({ length: int(random, 0, 3) }, one) : one();
    }
    case 'number': return list ? some(random, NUMBERS, 3) : chance(random, 0.7) ? pick(random, NUMBERS) : int(random, -300, 300) / 4;
    case 'boolean': return chance(random, 0.5);
    case 'select': return list ? some(random, ['Lead', 'Won', '重点客户', 'Archived', 'lead', ''], 3) : pick(random, ['Lead', 'Won', 'Archived', '', 'lead']);
    case 'multi': return some(random, ['VIP', '重点', 'Cold', 'a_b', '50%', 'Old', 'vip'], 3);
    case 'user': return list ? some(random, [...USERS, '@me', ''], 3) : pick(random, [...USERS, '@me', 'usrNobody', '']);
    case 'date': {
      if (operator === 'isWithin') return { period: pick(random, WITHIN_PERIODS), n: int(random, 0, 40) };
      const mode = pick(random, DATE_MODES);
      return pick(random, [
        () => pick(random, dates.days),
        () => (mode === 'exactDate' ? { mode, date: pick(random, dates.days) } : { mode, n: int(random, 0, 40) }),
        () => pick(random, dates.instants).replace('.000Z', '+08:00'),
      ])();
    }
  }
}

function randomCondition(): { field: string; operator: FilterOperator; value: unknown } {
  const f = pick(random, FIELDS);
  const operator = pick(random, SUPPORTED_OPERATORS[typeOf(f).kind]);
  return { field: chance(random, 0.5) ? f.id : f.name, operator, value: operand(typeOf(f).kind, operator) };
}

function randomTree(depth: number): unknown {
  const conditions = Array.from({ length: int(random, 0, 4) }, () =>
    depth < 4 && chance(random, 0.35) ? randomTree(depth + 1) : randomCondition());
  return { conjunction: pick(random, ['and', 'or']), conditions };
}

/** Ids the SQL query returns and ids the reference evaluator accepts, for one filter. */
function bothSides(filter: unknown, ctx: FilterContext): { sql: number[]; js: number[] } {
  const resolved = resolveFilter(filter, FIELDS, everyOperator);
  if (!resolved.ok) throw new Error(because({ filter, problems: resolved.problems }));
  const page = queryRecords(db, { tableId: TABLE_ID, fields: FIELDS, filter: resolved.filter, limit: ROWS + 1, offset: 0 }, ctx);
  const matcher = compileMatcher(resolved.filter, ctx);
  return { sql: page.rows.map((row) => row.id), js: records.filter((record) => matcher(record.values)).map((record) => record.id) };
}

describe(`filters: SQL agrees with the reference evaluator (seed ${SEED})`, () => {
  for (const f of FIELDS) {
    const { kind } = typeOf(f);
    it.each(SUPPORTED_OPERATORS[kind])(`${f.type} (${f.name}) %s`, (operator) => {
      for (const timeZone of ZONES) {
        for (let i = 0; i < 6; i++) {
          const filter = { conjunction: 'and', conditions: [{ field: f.id, operator, value: operand(kind, operator) }] };
          const { sql, js } = bothSides(filter, context(timeZone));
          expect(sql, because({ timeZone, filter })).toEqual(js);
        }
      }
    });
  }

  // Random picks may miss one; these run every period and every "me" form on every run.
  it.each(WITHIN_PERIODS)('every date field isWithin %s', (period) => {
    for (const f of FIELDS.filter((candidate) => typeOf(candidate).kind === 'date')) {
      for (const timeZone of ZONES) {
        const filter = { conjunction: 'and', conditions: [{ field: f.id, operator: 'isWithin', value: { period, n: int(random, 0, 40) } }] };
        const { sql, js } = bothSides(filter, context(timeZone));
        expect(sql, because({ timeZone, filter })).toEqual(js);
      }
    }
  });

  it.each(['is', 'isNot', 'isAnyOf', 'isNoneOf'] as const)('every user field %s @me, with and without a known user', (operator) => {
    const value = operator === 'isAnyOf' || operator === 'isNoneOf' ? ['@me', 'usrAlice'] : '@me';
    for (const f of FIELDS.filter((candidate) => typeOf(candidate).kind === 'user')) {
      const filter = { conjunction: 'and', conditions: [{ field: f.id, operator, value }] };
      for (const ctx of [context('UTC'), { ...context('UTC'), userId: 'usrBob' }, { ...context('UTC'), userId: undefined }]) {
        const { sql, js } = bothSides(filter, ctx);
        expect(sql, because({ userId: ctx.userId, filter })).toEqual(js);
      }
    }
  });

  it('nested AND/OR trees up to depth 4', () => {
    let nonTrivial = 0;
    for (let i = 0; i < 300; i++) {
      const filter = randomTree(1);
      const { sql, js } = bothSides(filter, context(pick(random, ZONES)));
      expect(sql, because(filter)).toEqual(js);
      if (sql.length > 0 && sql.length < ROWS) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(50); // the trees must actually discriminate rows
  });
});

describe(`sorts: ORDER BY agrees with the comparator (seed ${SEED})`, () => {
  // The write path stores a blank text, date or user cell as NULL, never ''; sorts rely on
  // that so the column's index can serve them (NULLS LAST). Filters above keep the stray ''.
  beforeAll(() => {
    for (const f of FIELDS) {
      const type = typeOf(f);
      if (type.storage.kind !== 'column' || !NULL_ONLY_EMPTY.has(type.kind)) continue;
      const column = fieldColumnName(f, type);
      db.sqlite.exec(`UPDATE t_${TABLE_ID} SET ${column} = NULL WHERE ${column} = ''`);
    }
  });

  const sqlOrder = (sorts: unknown[]) => {
    const resolved = resolveSorts(sorts, FIELDS);
    if (!resolved.ok) throw new Error(because(resolved.problems));
    const page = queryRecords(db, { tableId: TABLE_ID, fields: FIELDS, sorts: resolved.sorts, limit: ROWS, offset: 0 }, context('UTC'));
    const js = [...records].sort(compareRecordsBy(resolved.sorts)).map((record) => record.id);
    return { sql: page.rows.map((row) => row.id), js };
  };

  it.each(FIELDS.map((f) => [f.type, f.name] as const))('%s (%s) asc and desc', (_, name) => {
    for (const direction of ['asc', 'desc']) {
      const { sql, js } = sqlOrder([{ field: name, direction }]);
      expect(sql, because({ name, direction })).toEqual(js);
    }
  });

  it('several keys', () => {
    for (let i = 0; i < 60; i++) {
      const sorts = Array.from({ length: int(random, 2, 3) }, () => ({ field: pick(random, FIELDS).id, direction: pick(random, ['asc', 'desc']) }));
      const { sql, js } = sqlOrder(sorts);
      expect(sql, because(sorts)).toEqual(js);
    }
  });

  it('pages through the same order', () => {
    const resolved = resolveSorts([{ field: 'singleSelect', direction: 'desc' }, { field: 'number' }], FIELDS);
    if (!resolved.ok) throw new Error('bad sorts');
    const seen: number[] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const page = queryRecords(db, { tableId: TABLE_ID, fields: FIELDS, sorts: resolved.sorts, limit: 37, offset }, context('UTC'));
      seen.push(...page.rows.map((row) => row.id));
      offset = page.nextOffset;
    }
    expect(seen).toEqual([...records].sort(compareRecordsBy(resolved.sorts)).map((record) => record.id));
  });
});
