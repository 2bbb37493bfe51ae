import { createServer } from 'node:net';

/** A free loopback port, found by letting the kernel pick one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls a URL until it answers (any status below 500) or the time runs out. */
export async function waitForHttp(url: string, seconds = 20): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await fetch(url).then((r) => r.status < 500, () => false))) {
    if (Date.now() > deadline) throw new Error(`${url} did not answer in ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
