import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from './password.ts';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse', FAST);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash and stores its parameters', async () => {
    const a = await hashPassword('same password', FAST);
    const b = await hashPassword('same password', FAST);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('uses the default cost and can still verify hashes made with another cost', async () => {
    const strong = await hashPassword('密码是中文的也可以', DEFAULT_SCRYPT);
    expect(strong.startsWith(`scrypt$${DEFAULT_SCRYPT.N}$`)).toBe(true);
    expect(await verifyPassword('密码是中文的也可以', strong)).toBe(true);
  });

  it('treats canonically equivalent Unicode as the same password', async () => {
    const stored = await hashPassword('caf\u00e9-password', FAST);
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true);
  });

  it('rejects malformed or hostile stored hashes without throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$1024$8$1$$', 'bcrypt$1$2$3$aa$bb', 'scrypt$1000$8$1$c2FsdA$a2V5a2V5a2V5a2V5a2V5', `scrypt$${2 ** 30}$8$1$c2FsdA$a2V5a2V5a2V5a2V5a2V5`]) {
      expect(await verifyPassword('whatever1', stored)).toBe(false);
    }
  });
});
