import { quote } from '../values/text.ts';
import type { FieldType } from './field-type.ts';
import { textInput, textKind, type NoOptions } from './text-common.ts';

const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];
// "localhost:3000" and "example.com:8080" have a port, not a scheme: a scheme is not
// followed by a digit.
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;

/**
 * Links are rendered as <a href>, so anything but http(s) and mailto is refused in every
 * mode: `javascript:` and `data:` links are how a stored value attacks the next viewer.
 */
export const url: FieldType<NoOptions, string> = {
  ...textKind,
  name: 'url',
  coerce(input, _options, ctx) {
    const read = textInput(input, ctx);
    if (!read.ok) return read;
    const text = read.text?.trim();
    if (!text) return { ok: true, value: null };
    const invalid = (why: string) => ({ ok: false, error: `${quote(text)} is not a valid URL: ${why}` }) as const;
    if (/[\s\p{Cc}]/u.test(text)) return invalid('it contains spaces or control characters');

    const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
    let candidate = text;
    if (scheme) {
      if (!ALLOWED_SCHEMES.includes(scheme)) {
        return { ok: false, error: `${quote(text)} is not an allowed link: only http, https and mailto links are` };
      }
    } else if (!ctx.typecast) {
      return invalid('it needs to start with http:// or https://');
    } else {
      candidate = text.startsWith('//') ? `https:${text}` : `https://${text}`;
    }

    const parsed = parseUrl(candidate);
    if (!parsed) return invalid('it cannot be read as a web address');
    if (parsed.protocol === 'mailto:') {
      return /^[^@\s]+@[^@\s]+\.[^@\s]+/.test(parsed.pathname) ? { ok: true, value: candidate } : invalid('no email address after mailto:');
    }
    const host = parsed.hostname;
    if (!(host.includes('.') || host === 'localhost' || host.startsWith('['))) return invalid('the host name has no domain');
    return { ok: true, value: candidate };
  },
};

/** `new URL` or undefined: one parse (canParse and then new URL would parse twice; imports run this per cell). */
function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
