import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale.ts';

describe('negotiateLocale', () => {
  it('picks by quality, then by order', () => {
    expect(negotiateLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(negotiateLocale('fr;q=1, zh-TW;q=0.5, en;q=0.4')).toBe('zh-CN');
    expect(negotiateLocale('en;q=0.2, zh-Hans;q=0.7')).toBe('zh-CN');
  });

  it('returns nothing for languages we lack or junk', () => {
    expect(negotiateLocale('fr-FR,de;q=0.5')).toBeUndefined();
    expect(negotiateLocale('')).toBeUndefined();
    expect(negotiateLocale(undefined)).toBeUndefined();
    expect(negotiateLocale('zh;q=0, *')).toBeUndefined();
    expect(negotiateLocale(';;;,,,')).toBeUndefined();
  });
});
