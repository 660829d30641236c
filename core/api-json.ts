// The REST API's JSON shapes for tables and fields (API.md "Bases, tables, fields"): one
// definition for the server that writes them and the browser that reads them.

export interface FieldJson {
  id: string;
  name: string;
  /** A type name of API.md; stored types are the keys of core/fields' registry. */
  type: string;
  options: Record<string, unknown>;
  description: string | null;
}

export interface TableJson<View = unknown> {
  id: string;
  name: string;
  primaryFieldId: string | null;
  fields: FieldJson[];
  views: View[];
}
