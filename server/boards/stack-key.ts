import { AppError } from '../errors.ts';

// A stack's key in URLs: `empty`, or `v` + the stack value (choice name, user id) as
// base64url, so any choice name fits in a path segment and reads back exactly.

export function stackKey(value: string | null): string {
  return value === null ? 'empty' : `v${Buffer.from(value, 'utf8').toString('base64url')}`;
}

export function parseStackKey(key: string): string | null {
  if (key === 'empty') return null;
  if (/^v[A-Za-z0-9_-]{1,1400}$/.test(key)) {
    const value = Buffer.from(key.slice(1), 'base64url').toString('utf8');
    if (value !== '' && stackKey(value) === key) return value;
  }
  throw new AppError('INVALID_REQUEST', `${JSON.stringify(key.slice(0, 60))} is not a stack key (use the keys GET …/stacks returns)`);
}
