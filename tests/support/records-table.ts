import { TOKEN_SCOPES, type Actor } from '../../server/auth/actor.ts';
import type { AppContext } from '../../server/context.ts';
import { createTable, type TableJson } from '../../server/tables/index.ts';
import { createBase, createToken, createUser, type SeededUser } from './seed.ts';

/** An actor with every scope, as a session would have. */
export function actorOf(user: { id: string }): Actor {
  return { userId: user.id, isAdmin: false, via: 'session', scopes: new Set(TOKEN_SCOPES) };
}

/** The CRM table most record tests use: one field of each common kind. */
export const CUSTOMER_FIELDS = [
  { name: 'Name', type: 'singleLineText' },
  { name: 'Notes', type: 'longText' },
  { name: 'Amount', type: 'currency', options: { symbol: '¥', precision: 2 } },
  { name: 'Probability', type: 'percent' },
  { name: 'Employees', type: 'number' },
  { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: '初步接洽' }, { name: '方案报价' }, { name: '已签约' }] } },
  { name: 'Tags', type: 'multipleSelects', options: { choices: [{ name: 'VIP' }, { name: '渠道' }] } },
  { name: 'Next follow-up', type: 'date' },
  { name: 'Active', type: 'checkbox' },
  { name: 'Email', type: 'email' },
  { name: 'Phone', type: 'phoneNumber' },
  { name: 'Owner', type: 'user' },
  { name: 'Created', type: 'createdTime' },
] as const;

export interface SeededTable {
  owner: SeededUser;
  token: string;
  baseId: string;
  table: TableJson;
  fieldId(name: string): string;
}

export function seedCustomerTable(ctx: AppContext, fields: ReadonlyArray<{ name: string; type: string; options?: object }> = CUSTOMER_FIELDS): SeededTable {
  const owner = createUser(ctx, { email: `owner-${Math.random().toString(36).slice(2)}@example.com`, name: '张伟' });
  const baseId = createBase(ctx, owner.id, 'CRM');
  const table = createTable(ctx, actorOf(owner), baseId, { name: 'Customers', fields: fields.map((f) => ({ ...f })) as never });
  return {
    owner,
    token: createToken(ctx, owner.id),
    baseId,
    table,
    fieldId: (name) => {
      const field = table.fields.find((f) => f.name === name);
      if (!field) throw new Error(`no field ${name}`);
      return field.id;
    },
  };
}
