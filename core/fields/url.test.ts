import { describe, expect, it } from 'vitest';
import { en, expectRoundTrip, expectSorted, strict, typecast } from './test-support.ts';
import { url } from './url.ts';

const options = url.options.parse(undefined);

describe('url', () => {
  it.each([
    ['https://www.yf1.com.cn', 'https://www.yf1.com.cn'],
    [' http://example.com/a?b=c#d ', 'http://example.com/a?b=c#d'],
    ['HTTPS://EXAMPLE.COM', 'HTTPS://EXAMPLE.COM'],
    ['https://localhost:3000/x', 'https://localhost:3000/x'],
    ['mailto:sales@example.com', 'mailto:sales@example.com'],
    ['https://例子.中国', 'https://例子.中国'],
    ['', null],
  ])('strict %j → %j', (input, value) => {
    expect(url.coerce(input, options, strict)).toEqual({ ok: true, value });
  });

  it.each([
    ['example.com', 'https://example.com'],
    ['www.example.com/path', 'https://www.example.com/path'],
    ['example.com:8080', 'https://example.com:8080'],
    ['localhost:3000', 'https://localhost:3000'],
    ['//cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['https://example.com', 'https://example.com'],
  ])('typecast %j → %j', (input, value) => {
    expect(url.coerce(input, options, typecast)).toEqual({ ok: true, value });
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'ftp://example.com', 'vbscript:x'])(
    '%j is refused in every mode',
    (input) => {
      const error = `${JSON.stringify(input)} is not an allowed link: only http, https and mailto links are`;
      expect(url.coerce(input, options, strict)).toEqual({ ok: false, error });
      expect(url.coerce(input, options, typecast)).toEqual({ ok: false, error });
    },
  );

  it.each([
    ['example.com', strict, 'it needs to start with http:// or https://'],
    ['java script:alert(1)', typecast, 'it contains spaces or control characters'],
    ['https://exa mple.com', typecast, 'it contains spaces or control characters'],
    ['https://example.com/\tx', typecast, 'it contains spaces or control characters'],
    ['foo', typecast, 'the host name has no domain'],
    ['https://', typecast, 'it cannot be read as a web address'],
    ['mailto:nobody', strict, 'no email address after mailto:'],
  ])('%j is not a valid URL', (input, ctx, why) => {
    expect(url.coerce(input, options, ctx)).toEqual({ ok: false, error: `${JSON.stringify(input)} is not a valid URL: ${why}` });
  });

  it('round-trips, formats and sorts', () => {
    expectRoundTrip(url, 'https://example.com', options);
    expect(url.format('https://example.com', options, en)).toBe('https://example.com');
    expectSorted(url, ['https://a.com', 'https://b.com'], options);
  });
});
