import { readConfig } from './config.ts';
import { startServer } from './http/create-server.ts';

const config = readConfig();
const dev = process.argv.includes('--dev');
const tessera = await startServer(config, { ui: dev ? 'dev' : 'build' });
console.log(`Tessera is listening on ${tessera.url} (data in ${config.dataDir})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    tessera.close().then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
}
