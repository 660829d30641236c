import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // better-sqlite3 is native and only ever reached through the server's load context.
  ssr: { external: ['better-sqlite3'] },
});
