import type { Messages } from './en.ts';

/** 实时访问结束时的简体中文提示（决策 0014）；并入 zhCN（zh-CN.ts）。 */
export const zhCNAccess: Pick<Messages, 'liveAccess'> = {
  liveAccess: {
    revoked: '你已无权访问此表格，实时更新已停止。请重新加载页面，查看你仍可访问的内容。',
    signedOut: '你已退出登录，实时更新已停止。请重新登录后继续工作。',
    reload: '重新加载',
    signIn: '登录',
  },
};
