import { describe, expect, it } from 'vitest';
import { POLL, useGridSession } from './grid-support.ts';

// Decision 0014: a member removed while the grid is open is told so, in their language,
// and the page stops listening instead of reconnecting forever.

describe('the grid of a member removed from the base', () => {
  const session = useGridSession();

  it('says access ended, in English and in Chinese, and stops retrying', async () => {
    const { team } = session;
    const wang = await session.open(team.editor);
    const li = await session.open(team.viewer, 'zh-CN');
    try {
      for (const who of [team.editor, team.viewer]) {
        const res = await team.owner.client.delete(`/bases/${team.baseId}/members/${who.user.id}`);
        expect(res.status).toBe(204);
      }
      const english = wang.page.getByRole('alert').filter({ hasText: 'You no longer have access to this table' });
      await english.waitFor({ timeout: 10_000 });
      await expect.poll(() => wang.page.getByRole('button', { name: 'Reload' }).isVisible(), POLL).toBe(true);
      const chinese = li.page.getByRole('alert').filter({ hasText: '你已无权访问此表格' });
      await chinese.waitFor({ timeout: 10_000 });
      expect(await li.page.getByRole('button', { name: '重新加载' }).isVisible()).toBe(true);
      // No offline banner and no reconnecting socket: the collab server holds no connection of theirs.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const channel = session.server.collab.hocuspocus.documents.get(`table:${team.tableId}`);
      expect(channel?.getConnectionsCount() ?? 0).toBe(0);
      expect(await wang.page.getByText('You are offline').count()).toBe(0);
    } finally {
      await wang.page.context().close();
      await li.page.context().close();
    }
  });
});
