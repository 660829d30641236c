import { describe, expect, it } from 'vitest';
import { createdBy } from './created-by.ts';
import type { CoerceContext } from './field-type.ts';
import { lastModifiedBy } from './last-modified-by.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast } from './test-support.ts';
import { user } from './user.ts';

const options = user.options.parse(undefined);
const people: Record<string, string> = { usr1: 'usr1', 'liu@example.com': 'usr1', 刘洋: 'usr1', usr2: 'usr2', 张伟: 'usr2' };
const resolveUser = (input: string) => people[input];
const strictWithUsers: CoerceContext = { ...strict, resolveUser };
const typecastWithUsers: CoerceContext = { ...typecast, resolveUser };

describe('user', () => {
  it.each([
    ['usr1', 'usr1'],
    [{ id: 'usr2' }, 'usr2'],
    [{ id: 'usr1', email: 'ignored' }, 'usr1'],
    [{ email: 'liu@example.com' }, 'usr1'],
    [null, null],
    ['', null],
  ])('strict %j → %j', (input, value) => {
    expect(user.coerce(input, options, strictWithUsers)).toEqual({ ok: true, value });
  });

  it.each([
    ['刘洋', 'usr1'],
    ['liu@example.com', 'usr1'],
    [' 张伟 ', 'usr2'],
    ['usr2', 'usr2'],
  ])('typecast %j → %j', (input, value) => {
    expect(user.coerce(input, options, typecastWithUsers)).toEqual({ ok: true, value });
  });

  it.each([
    ['usr9', strictWithUsers, 'no user has the id "usr9"'],
    ['刘洋', strictWithUsers, '"刘洋" is not a user id (send typecast: true to find users by email or name)'],
    ['王强', typecastWithUsers, 'no user matches "王强"'],
    [{ email: 'nobody@example.com' }, strictWithUsers, 'no user matches "nobody@example.com"'],
    [42, typecastWithUsers, 'expects a user id or {"id": …}, got number 42'],
    [{ name: 'x' }, typecastWithUsers, 'expects a user id or {"id": …}, got an object'],
    [{ email: 'a@b.co' }, strict, 'cannot look up the user "a@b.co" here'],
  ])('%j is refused', (input, ctx, error) => {
    expect(user.coerce(input, options, ctx)).toEqual({ ok: false, error });
  });

  it('passes ids through when no resolver is given', () => {
    expect(user.coerce('usr7', options, typecast)).toEqual({ ok: true, value: 'usr7' });
  });

  it('round-trips, formats with names and sorts by id', () => {
    expectRoundTrip(user, 'usr1', options);
    expectRoundTrip(user, null, options);
    const userName = (id: string) => (id === 'usr1' ? '刘洋' : undefined);
    expect(user.format('usr1', options, { ...en, userName })).toBe('刘洋');
    expect(user.format('usr2', options, { ...en, userName })).toBe('usr2');
    expect(user.format('usr2', options, en)).toBe('usr2');
    expect(user.format(null, options, en)).toBe('');
    expectSorted(user, ['usr1', 'usr2'], options);
  });
});

describe('createdBy and lastModifiedBy', () => {
  it.each([createdBy, lastModifiedBy])('$name is read-only over a system column', (type) => {
    expect(type.readOnly).toBe(true);
    expect(type.kind).toBe('user');
    expect(type.coerce('usr1', options, typecastWithUsers)).toEqual({ ok: false, error: 'field is read-only' });
    expect(type.fromStorage('usr1', options)).toBe('usr1');
    expect(type.format('usr1', options, { ...en, userName: () => '刘洋' })).toBe('刘洋');
  });

  it('reads the right columns', () => {
    expect(createdBy.storage).toEqual({ kind: 'system', column: 'created_by' });
    expect(lastModifiedBy.storage).toEqual({ kind: 'system', column: 'updated_by' });
  });
});
