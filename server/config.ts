import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  TESSERA_DATA_DIR: z.string().min(1).default('./data'),
  TESSERA_ADMIN_EMAIL: z.email().optional(),
  TESSERA_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Set behind HTTPS so session cookies get the Secure flag. */
  TESSERA_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** SQLite durability level; see docs/decisions/0003-sqlite-synchronous.md. */
  TESSERA_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  admin?: { email: string; password: string };
  secureCookies: boolean;
  /** Absent means FULL. */
  sqliteSynchronous?: 'FULL' | 'NORMAL';
}

/** Reads and validates the environment once at boot; a bad value stops start-up with its name. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${issues.join('; ')}`);
  }
  const e = parsed.data;
  if (Boolean(e.TESSERA_ADMIN_EMAIL) !== Boolean(e.TESSERA_ADMIN_PASSWORD)) {
    throw new Error('invalid configuration: set both TESSERA_ADMIN_EMAIL and TESSERA_ADMIN_PASSWORD, or neither');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.TESSERA_DATA_DIR),
    admin: e.TESSERA_ADMIN_EMAIL && e.TESSERA_ADMIN_PASSWORD
      ? { email: e.TESSERA_ADMIN_EMAIL, password: e.TESSERA_ADMIN_PASSWORD }
      : undefined,
    secureCookies: e.TESSERA_SECURE_COOKIES === 'true',
    sqliteSynchronous: e.TESSERA_SQLITE_SYNCHRONOUS,
  };
}
