import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The meta schema as Kysely sees it. User tables `t_<id>` are dynamic and not listed here. */
export interface MetaSchema {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  settings: SettingsTable;
  bases: BasesTable;
  base_members: BaseMembersTable;
  tables: TablesTable;
  fields: FieldsTable;
  views: ViewsTable;
  record_history: RecordHistoryTable;
  outbox: OutboxTable;
  outbox_cursors: OutboxCursorsTable;
  audit_log: AuditLogTable;
  attachments: AttachmentsTable;
  attachment_bases: AttachmentBasesTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  locale: string | null;
  created_at: string;
}
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** JSON array of scope names. */
  scopes: string;
  /** JSON array of base ids the token is limited to, or null for all the user's bases. */
  base_ids: string | null;
  created_at: string;
  last_used_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface BasesTable {
  id: string;
  name: string;
  time_zone: string;
  created_by: string | null;
  created_at: string;
}
export type BaseRow = Selectable<BasesTable>;

export interface BaseMembersTable {
  base_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface TablesTable {
  id: string;
  base_id: string;
  name: string;
  primary_field_id: string | null;
  position: number;
  created_at: string;
}
export type TableRow = Selectable<TablesTable>;

export interface FieldsTable {
  id: string;
  table_id: string;
  name: string;
  type: string;
  /** JSON object, parsed through the type's options schema. */
  options: string;
  description: string | null;
  position: number;
  created_at: string;
}
export type FieldRow = Selectable<FieldsTable>;

export interface ViewsTable {
  id: string;
  table_id: string;
  name: string;
  type: string;
  /** JSON: filter, sorts, hidden fields, field order and widths, group/stack/date field … */
  config: string;
  personal_user_id: string | null;
  share_id: string | null;
  locked: number;
  position: number;
  created_at: string;
}
export type ViewRow = Selectable<ViewsTable>;

export interface RecordHistoryTable {
  id: Generated<number>;
  table_id: string;
  record_id: number;
  action: string;
  /** JSON `{ [fieldId]: [before, after] }`. */
  changes: string;
  actor_id: string | null;
  origin: string;
  at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  table_id: string;
  record_id: number;
  action: string;
  history_id: number;
  depth: number;
  at: string;
}

export interface OutboxCursorsTable {
  consumer: string;
  last_id: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  action: string;
  base_id: string | null;
  target: string | null;
  /** JSON object. */
  details: string;
}

export interface AttachmentsTable {
  hash: string;
  size: number;
  type: string;
  filename: string;
  uploaded_by: string | null;
  created_at: string;
}

/** Which bases an attachment was uploaded to: its members may download it. */
export interface AttachmentBasesTable {
  hash: string;
  base_id: string;
  uploaded_by: string | null;
  created_at: string;
}
