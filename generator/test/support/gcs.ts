import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForHttp } from './ports.js';
import { tool } from './tools.js';

export interface GcsEmulator {
  url: string;
  /** Stops the server; its objects stay on disk for start() to serve again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  objects(bucket: string): Promise<string[]>;
  read(bucket: string, name: string): Promise<Buffer>;
  write(bucket: string, name: string, body: Buffer | string): Promise<void>;
  dispose(): Promise<void>;
}

/** fake-gcs-server on loopback, plain HTTP, objects on disk, with one bucket. */
export async function startGcs(bucket: string): Promise<GcsEmulator> {
  const port = await freePort();
  const root = mkdtempSync(path.join(tmpdir(), 'balena-gcs-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const start = async () => {
    child = spawn(tool('fake-gcs-server'), [
      '-scheme', 'http', '-host', '127.0.0.1', '-port', String(port), '-external-url', url,
      '-backend', 'filesystem', '-filesystem-root', root, '-log-level', 'error',
    ], { stdio: 'ignore' });
    const current = child;
    exited = new Promise((resolve) => current.once('exit', () => resolve()));
    await waitForHttp(`${url}/storage/v1/b`);
  };
  const stop = async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await exited;
  };
  const encode = (name: string) => encodeURIComponent(name);
  await start();
  const created = await fetch(`${url}/storage/v1/b`, { method: 'POST', body: JSON.stringify({ name: bucket }), headers: { 'Content-Type': 'application/json' } });
  if (!created.ok) throw new Error(`bucket ${bucket}: HTTP ${created.status}`);
  return {
    url,
    stop,
    start,
    objects: async (b) => {
      const body = (await (await fetch(`${url}/storage/v1/b/${b}/o`)).json()) as { items?: { name: string }[] };
      return (body.items ?? []).map((item) => item.name).sort();
    },
    read: async (b, name) => Buffer.from(await (await fetch(`${url}/storage/v1/b/${b}/o/${encode(name)}?alt=media`)).arrayBuffer()),
    write: async (b, name, body) => {
      const bytes = typeof body === 'string' ? body : new Uint8Array(body);
      const response = await fetch(`${url}/upload/storage/v1/b/${b}/o?uploadType=media&name=${encode(name)}`, { method: 'POST', body: bytes });
      if (!response.ok) throw new Error(`write ${name}: HTTP ${response.status}`);
    },
    dispose: async () => {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
