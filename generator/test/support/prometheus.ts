import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports.js';
import { tool } from './tools.js';

export interface RunningPrometheus {
  url: string;
  /** GET /api/v1/<endpoint>?query=…, parsed. */
  api(endpoint: 'query' | 'parse_query', query: string): Promise<{ status: string; error?: string; data?: unknown }>;
  /** Everything it has logged so far (the last 256 KB). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real Prometheus (the version the chart deploys) on loopback with
 * a config file. Used both for the query engine alone (no Kubernetes target
 * can be discovered without a cluster) and against the local control plane.
 * stop() always kills it and removes its data.
 */
export async function startPrometheus(configFile: string): Promise<RunningPrometheus> {
  return startServer('prometheus', ['--config.file', configFile], (data, port) => [`--storage.tsdb.path=${data}`, `--web.listen-address=127.0.0.1:${port}`]);
}

/**
 * Starts the real Alertmanager on loopback with a config file, as one
 * instance (no cluster gossip). Same contract as startPrometheus.
 */
export async function startAlertmanager(configFile: string): Promise<RunningPrometheus> {
  return startServer('alertmanager', ['--config.file', configFile, '--cluster.listen-address='], (data, port) => [`--storage.path=${data}`, `--web.listen-address=127.0.0.1:${port}`]);
}

async function startServer(name: 'prometheus' | 'alertmanager', args: string[], place: (data: string, port: number) => string[]): Promise<RunningPrometheus> {
  const port = await freePort();
  const data = mkdtempSync(path.join(tmpdir(), `balena-${name}-`));
  const child: ChildProcess = spawn(tool(name), [...args, ...place(data, port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => { log = (log + chunk.toString()).slice(-256_000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(data, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited: ${log}`);
      const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`${name} not ready after 30 s: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    api: async (endpoint, query) => {
      const response = await fetch(`${url}/api/v1/${endpoint}?${new URLSearchParams({ query })}`);
      return (await response.json()) as { status: string; error?: string; data?: unknown };
    },
    log: () => log,
    stop,
  };
}
