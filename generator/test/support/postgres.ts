import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports.js';
import { run, type RunResult } from './tools.js';

/** The newest PostgreSQL server Debian's packages installed (scripts/tools.sh sees to it). */
export function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no PostgreSQL under /usr/lib/postgresql: run scripts/tools.sh');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

export interface Postgres {
  port: number;
  url(database: string): string;
  psql(database: string, sql: string): RunResult;
  stop(): void;
}

/**
 * A real PostgreSQL server in a scratch folder on a free loopback port.
 * initdb refuses to run as root, so as root it runs as the `postgres` user
 * Debian's package creates. stop() always removes everything.
 */
export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const owner = run('id', ['-u', 'postgres']);
    chownSync(dir, Number(owner.stdout.trim()), Number(run('id', ['-g', 'postgres']).stdout.trim()));
  }
  const server = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
  const port = await freePort();
  const data = path.join(dir, 'data');
  const init = server('initdb', ['-D', data, '-U', 'app', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  if (init.code !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const start = server('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  if (start.code !== 0) throw new Error(`postgres did not start: ${start.stderr}`);
  const url = (database: string) => `postgresql://app@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    psql: (database, sql) => run(path.join(bin, 'psql'), ['--no-psqlrc', '--quiet', '--tuples-only', '--no-align', '--set', 'ON_ERROR_STOP=1', '--dbname', url(database), '--file', '-'], { input: sql }),
    stop: () => {
      server('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
