import { describe, expect, it } from 'vitest';
import { getI18n } from '../../i18n/i18n.ts';
import { ApiError } from './api-client.ts';
import { apiErrorText } from './api-error-text.ts';

describe('apiErrorText', () => {
  const en = getI18n('en').t;
  const zh = getI18n('zh-CN').t;

  it("wraps the server's reason for conflicts and bad input", () => {
    const conflict = new ApiError(409, 'CONFLICT', 'a field named "Stage" already exists');
    expect(apiErrorText(en, conflict)).toBe('This clashes with something that already exists: a field named "Stage" already exists');
    expect(apiErrorText(zh, conflict)).toBe('与已有内容冲突：a field named "Stage" already exists');
  });

  it('translates what the reader can act on without the details', () => {
    expect(apiErrorText(zh, new ApiError(0, 'NETWORK', 'Failed to fetch'))).toBe('无法连接服务器，请检查网络后重试。');
    expect(apiErrorText(en, new ApiError(403, 'FORBIDDEN', 'owner role required'))).toBe('You are not allowed to do this.');
  });
});
