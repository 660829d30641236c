import type { Field, StoredTypeName } from '../fields/field-type.ts';
import { requireFieldType } from '../fields/registry.ts';

/**
 * Test support (no test runner import, so integration tests can use it too): a field of a
 * registry type with its options parsed the way the fields service stores them.
 */
export function testField(id: string, name: string, type: StoredTypeName, options: Record<string, unknown> = {}): Field {
  return { id, tableId: 'tblTest', name, type, options: requireFieldType(type).options.parse(options) as Record<string, unknown> };
}

/** One field of every kind (and the system types), as the unit tests use them. */
export const FIELDS = {
  name: testField('fldName', 'Name', 'singleLineText'),
  notes: testField('fldNotes', 'Notes', 'longText'),
  email: testField('fldEmail', 'Email', 'email'),
  amount: testField('fldAmount', 'Amount', 'currency', { symbol: '¥', precision: 2 }),
  rating: testField('fldRating', 'Rating', 'rating'),
  done: testField('fldDone', 'Done', 'checkbox'),
  due: testField('fldDue', 'Due', 'date'),
  meeting: testField('fldMeeting', 'Meeting', 'date', { includeTime: true }),
  stage: testField('fldStage', 'Stage', 'singleSelect', {
    choices: [{ name: 'Lead' }, { name: 'Proposal' }, { name: 'Negotiation' }, { name: 'Won' }],
  }),
  tags: testField('fldTags', 'Tags', 'multipleSelects', { choices: [{ name: 'VIP' }, { name: '重点' }, { name: 'Cold' }] }),
  owner: testField('fldOwner', 'Owner', 'user'),
  files: testField('fldFiles', 'Files', 'attachment'),
  created: testField('fldCreated', 'Created', 'createdTime'),
  createdBy: testField('fldCreatedBy', 'Created by', 'createdBy'),
  no: testField('fldNo', 'No', 'autoNumber'),
} as const;

export const ALL_FIELDS: Field[] = Object.values(FIELDS);
