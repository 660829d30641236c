import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'app',
  ssr: true,
  // The server reads the same variable (server/http/ui.ts).
  buildDirectory: process.env.TESSERA_BUILD_DIR ?? 'build',
} satisfies Config;
