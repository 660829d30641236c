import { normalizeWidth, quote } from '../values/text.ts';
import type { FieldType } from './field-type.ts';
import { textInput, textKind, type NoOptions } from './text-common.ts';

// Deliberately simpler than RFC 5322: what mail systems actually accept, without quoted
// local parts or IP literals that nobody types into a CRM.
const LOCAL = /^[^\s@<>()[\]\\,;:"]+$/;
const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

/** The address in canonical form (domain lowercased, it is case-insensitive), or undefined. */
export function normalizeEmail(text: string): string | undefined {
  const at = text.lastIndexOf('@');
  if (at < 1 || text.length > 254) return undefined;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return undefined;
  if (!/^\p{L}{2,}$|^xn--[a-z0-9-]+$/u.test(labels.at(-1) ?? '')) return undefined;
  return `${local}@${domain}`;
}

export const email: FieldType<NoOptions, string> = {
  ...textKind,
  name: 'email',
  coerce(input, _options, ctx) {
    const read = textInput(input, ctx);
    if (!read.ok) return read;
    let text = read.text?.trim();
    if (!text) return { ok: true, value: null };
    if (ctx.typecast) {
      // What mail clients copy: "张伟 <zhang@example.com>", "mailto:…", full-width ＠.
      text = normalizeWidth(text).replace(/^mailto:/i, '');
      text = /<([^<>]+)>\s*$/.exec(text)?.[1]?.trim() ?? text;
    }
    const value = normalizeEmail(text);
    return value ? { ok: true, value } : { ok: false, error: `${quote(read.text)} is not a valid email address` };
  },
};
