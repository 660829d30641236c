import { normalizeWidth, quote } from './text.ts';

export type PhoneParse = { ok: true; value: string | null } | { ok: false; error: string };

const EXTENSION = /\s*(?:ext\.?|x|转|分机)\s*(\d{1,6})$/i;
const MIN_DIGITS = 3; // 110, 10086, 95588: service numbers are real numbers too
const MAX_DIGITS = 15; // E.164

/**
 * One canonical, readable form so equal numbers compare equal: an optional leading "+",
 * the digit groups the person wrote separated by single spaces, and " ext. N" for an
 * extension. "+86-138-0013-8000" → "+86 138 0013 8000", "(010) 6552 9988" → "010 6552 9988".
 * Groups are kept as written rather than re-grouped by country rules we cannot know.
 */
export function parsePhone(text: string): PhoneParse {
  let s = normalizeWidth(text).trim();
  if (s === '') return { ok: true, value: null };
  const fail = (why: string) => ({ ok: false, error: `${quote(text)} is not a phone number: ${why}` }) as const;

  let extension = '';
  const ext = EXTENSION.exec(s);
  if (ext?.[1] && ext.index > 0) {
    extension = ` ext. ${ext[1]}`;
    s = s.slice(0, ext.index);
  }
  if (/\p{L}/u.test(s)) return fail('it contains letters');
  if (!/^\+?[\d\s\-./()]+$/.test(s)) return fail('only digits, spaces, + - . ( ) are allowed');
  if (!parenthesesBalanced(s)) return fail('unbalanced parentheses');

  const plus = s.startsWith('+');
  const groups = s.replace(/^\+/, '').split(/[\s\-./()]+/).filter(Boolean);
  const digits = groups.join('');
  if (digits.length < MIN_DIGITS) return fail('too few digits');
  if (digits.length > MAX_DIGITS) return fail(`more than ${MAX_DIGITS} digits`);

  // A Chinese mobile number with a digit missing or doubled is the commonest typo in
  // customer lists; nothing else plausible starts with 13–19 and has 10 or 12 digits.
  const national = plus ? (digits.startsWith('86') ? digits.slice(2) : undefined) : digits;
  if (national && /^1[3-9]/.test(national) && (national.length === 10 || national.length === 12)) {
    return fail(`a Chinese mobile number has 11 digits, this has ${national.length}`);
  }
  return { ok: true, value: `${plus ? '+' : ''}${groups.join(' ')}${extension}` };
}

function parenthesesBalanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return false;
    if (depth > 1) return false;
  }
  return depth === 0;
}
