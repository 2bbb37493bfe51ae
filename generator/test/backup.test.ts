import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startGcs, type GcsEmulator } from './support/gcs.js';
import { postgresBin, startPostgres, type Postgres } from './support/postgres.js';
import { ROOT, run, type RunResult } from './support/tools.js';

/**
 * The backup chart's script against a real PostgreSQL (Debian's) and a Cloud
 * Storage emulator (fake-gcs-server), both on loopback. The script is the file
 * the chart ships; the emulator is reached through GCS_BASE_URL, the same
 * setting a private endpoint would use.
 */
const SCRIPT = path.join(ROOT, 'charts/backup/files/pgbackup.sh');
const BUCKET = 'balena-backups';

/** Per table: row count and an order-independent hash, computed here, not by the script. */
const CONTENT = `SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1;`;

function contentOf(pg: Postgres, db: string): Record<string, string> {
  const tables = pg.psql(db, CONTENT).stdout.trim().split('\n').filter(Boolean);
  return Object.fromEntries(tables.map((table) => {
    const row = pg.psql(db, `SET TIME ZONE 'UTC'; SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM ${table} t;`);
    return [table, row.stdout.trim()];
  }));
}

const SEED = `
CREATE TABLE users (id serial PRIMARY KEY, name text, bio text, born date, score double precision);
INSERT INTO users (name, bio, born, score) VALUES
  ('Zoë ☃ 日本語 🚀', repeat('long text ', 200000), '1990-01-01', 0.1),
  (NULL, NULL, NULL, NULL),
  ('O''Brien; DROP TABLE users; --', E'tab\\there\\nnewline\\\\backslash', '2000-02-29', 1e-300);
CREATE TABLE events (at timestamptz, payload jsonb, amount numeric(12, 2), tags text[]);  -- no primary key
INSERT INTO events VALUES ('2026-01-01 12:00+02', '{"a": [1, 2, {"b": null}]}', 12.5, '{x,"y z"}'),
  ('2026-01-01 12:00+02', '{"a": [1, 2, {"b": null}]}', 12.5, '{x,"y z"}'),  -- an exact duplicate row
  (NULL, NULL, NULL, NULL);
CREATE SCHEMA audit;
CREATE TABLE audit.log (line text, raw bytea);
INSERT INTO audit.log SELECT 'line ' || g, decode(md5(g::text), 'hex') FROM generate_series(1, 5000) g;
`;

let pg: Postgres;
let gcs: GcsEmulator;
const env = (extra: Record<string, string> = {}) => ({
  PATH: `${postgresBin()}:${process.env.PATH ?? ''}`,
  DATABASE_URL: pg.url('product'),
  GCS_BUCKET: BUCKET,
  GCS_PREFIX: 'backups',
  BACKUP_NAME: 'balena',
  GCS_BASE_URL: gcs.url,
  GCS_TOKEN_URL: '', // the emulator takes no token; in GKE the metadata server hands one out
  ...extra,
});
const script = (args: string[], extra: Record<string, string> = {}): RunResult => run('sh', [SCRIPT, ...args], { env: env(extra) });
const latest = async () => (await gcs.objects(BUCKET)).includes('backups/latest') ? (await gcs.read(BUCKET, 'backups/latest')).toString().trim() : undefined;

const drill = suite('backup drill: real PostgreSQL → Cloud Storage emulator → a fresh database, 0 rows lost');
drill.before(async () => {
  pg = await startPostgres();
  gcs = await startGcs(BUCKET);
  assert.is(pg.psql('postgres', 'CREATE DATABASE product;').code, 0);
  const seeded = pg.psql('product', SEED);
  assert.is(seeded.code, 0, seeded.stderr);
});
drill.after(async () => {
  pg?.stop();
  await gcs?.dispose();
});

drill('backup writes the dump, its checksums and table checksums under the dated path, then points latest at it', async () => {
  const result = script(['backup']);
  assert.is(result.code, 0, result.stderr);
  const objects = await gcs.objects(BUCKET);
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
  const dump = objects.find((name) => name.endsWith('.dump'));
  assert.match(dump ?? '', new RegExp(`^backups/${day}/balena-\\d{8}T\\d{6}Z\\.dump$`));
  assert.ok(objects.includes(`${dump}.sha256`) && objects.includes(`${dump}.tables`));
  assert.is(await latest(), dump);
  assert.match((await gcs.read(BUCKET, `${dump}.sha256`)).toString(), /^[0-9a-f]{64} {2}dump\n[0-9a-f]{64} {2}tables\n$/);
});
drill('restore latest into a fresh database: every table has the same rows as the source', () => {
  assert.is(pg.psql('postgres', 'CREATE DATABASE restored;').code, 0);
  const result = script(['restore'], { TARGET_DATABASE_URL: pg.url('restored') });
  assert.is(result.code, 0, result.stderr);
  const source = contentOf(pg, 'product');
  assert.equal(Object.keys(source).sort(), ['audit.log', 'public.events', 'public.users']);
  assert.equal(contentOf(pg, 'restored'), source);
  assert.match(source['audit.log'] ?? '', /^5000 /);
});
drill('restore of a named object (RESTORE_OBJECT), as the runbook does', async () => {
  const object = (await latest()) ?? '';
  assert.is(pg.psql('postgres', 'CREATE DATABASE named;').code, 0);
  const result = script(['restore'], { TARGET_DATABASE_URL: pg.url('named'), RESTORE_OBJECT: object });
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stderr, new RegExp(`restored ${object.replace(/\./g, '\\.')} into the target database`));
  assert.equal(contentOf(pg, 'named'), contentOf(pg, 'product'));
});
drill('the drill command restores into a scratch database and checks it against the backup\'s table checksums', () => {
  assert.is(pg.psql('postgres', 'CREATE DATABASE scratch;').code, 0);
  const result = script(['drill'], { TARGET_DATABASE_URL: pg.url('scratch') });
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stderr, /restore drill passed: 3 tables match/);
  // Run again: the scratch database is replaced, not appended to.
  assert.is(script(['drill'], { TARGET_DATABASE_URL: pg.url('scratch') }).code, 0);
  assert.equal(contentOf(pg, 'scratch'), contentOf(pg, 'product'));
});
drill('the drill fails loudly when the restored data differs from the backup', async () => {
  const object = (await latest()) ?? '';
  const tables = (await gcs.read(BUCKET, `${object}.tables`)).toString().replace(/^(audit\.log\t)5000/m, '$14999');
  // Tamper consistently (tables and its checksum), so only the drill's comparison can notice.
  const dir = run('mktemp', ['-d']).stdout.trim();
  const fetched = script(['fetch', dir]);
  assert.is(fetched.code, 0, fetched.stderr);
  run('sh', ['-c', `printf '%s' "$1" > ${dir}/tables && cd ${dir} && sha256sum dump tables > sha256`, 'sh', tables]);
  const loaded = script(['load', dir], { TARGET_DATABASE_URL: pg.url('scratch'), RESTORE_FORCE: 'true' });
  assert.is(loaded.code, 0, loaded.stderr);
  const checked = script(['check', dir], { TARGET_DATABASE_URL: pg.url('scratch') });
  assert.is(checked.code, 1);
  assert.match(checked.stderr, /restore drill FAILED/);
  run('rm', ['-rf', dir]);
});
drill('the storage steps run under busybox sh and its tools, as in the curl image', async () => {
  // A PATH of busybox applets plus curl: what curlimages/curl offers.
  const applets = run('mktemp', ['-d']).stdout.trim();
  const work = run('mktemp', ['-d']).stdout.trim();
  try {
    const busybox = run('sh', ['-c', 'command -v busybox']).stdout.trim();
    for (const applet of ['sh', 'sha256sum', 'sed', 'grep', 'head', 'cat', 'mkdir', 'cp', 'date', 'wc', 'sort', 'tr', 'rm', 'mktemp', 'printf', 'sleep', 'diff']) {
      run('ln', ['-s', busybox, path.join(applets, applet)]);
    }
    run('ln', ['-s', run('sh', ['-c', 'command -v curl']).stdout.trim(), path.join(applets, 'curl')]);
    assert.is(script(['dump', work]).code, 0);
    const upload = run(busybox, ['sh', SCRIPT, 'upload', work], { env: { ...env(), PATH: applets } });
    assert.is(upload.code, 0, upload.stderr);
    assert.is(await latest(), run('cat', [path.join(work, 'object')]).stdout.trim());
    const fetched = run(busybox, ['sh', SCRIPT, 'fetch', path.join(work, 'fetched')], { env: { ...env(), PATH: applets } });
    assert.is(fetched.code, 0, fetched.stderr);
  } finally {
    run('rm', ['-rf', applets, work]);
  }
});
drill('prune keeps the newest dumps only', async () => {
  assert.is(script(['backup']).code, 0);
  await new Promise((resolve) => setTimeout(resolve, 1100)); // a new timestamp
  assert.is(script(['backup']).code, 0);
  const before = (await gcs.objects(BUCKET)).filter((name) => name.endsWith('.dump'));
  assert.ok(before.length >= 2);
  const result = script(['prune'], { BACKUP_KEEP: '1' });
  assert.is(result.code, 0, result.stderr);
  const after = (await gcs.objects(BUCKET)).filter((name) => /\.dump(\.sha256|\.tables)?$/.test(name));
  assert.equal(after, [before[before.length - 1], `${before[before.length - 1]}.sha256`, `${before[before.length - 1]}.tables`].sort());
  assert.is(await latest(), before[before.length - 1]);
});
drill.run();

const faults = suite('backup faults: failures are loud and never move latest');
faults.before(async () => {
  pg = await startPostgres();
  gcs = await startGcs(BUCKET);
  pg.psql('postgres', 'CREATE DATABASE product;');
  pg.psql('product', SEED);
  assert.is(script(['backup']).code, 0);
});
faults.after(async () => {
  pg?.stop();
  await gcs?.dispose();
});

faults('database unreachable: non-zero exit, a clear message, no object written, latest unchanged', async () => {
  const before = await gcs.objects(BUCKET);
  const was = await latest();
  const result = script(['backup'], { DATABASE_URL: 'postgresql://app@127.0.0.1:1/product?connect_timeout=2' });
  assert.is(result.code, 1);
  assert.match(result.stderr, /ERROR: database not reachable/);
  assert.equal(await gcs.objects(BUCKET), before);
  assert.is(await latest(), was);
});
faults('upload failure (the storage stops mid-run): non-zero exit, latest unchanged', async () => {
  const was = await latest();
  const dir = run('mktemp', ['-d']).stdout.trim();
  try {
    assert.is(script(['dump', dir]).code, 0);
    await gcs.stop();
    const result = script(['upload', dir]);
    assert.is(result.code, 1);
    assert.match(result.stderr, /ERROR: upload of backups\/.*\.dump failed/);
  } finally {
    await gcs.start();
    run('rm', ['-rf', dir]);
  }
  assert.is(await latest(), was);
});
faults('a corrupted object: restore refuses it on checksum mismatch and leaves the target empty', async () => {
  const object = (await latest()) ?? '';
  const original = await gcs.read(BUCKET, object);
  const corrupted = Buffer.from(original);
  const middle = Math.floor(corrupted.length / 2);
  corrupted.writeUInt8((corrupted.readUInt8(middle) ^ 0xff) & 0xff, middle);
  await gcs.write(BUCKET, object, corrupted);
  pg.psql('postgres', 'CREATE DATABASE target;');
  try {
    const result = script(['restore'], { TARGET_DATABASE_URL: pg.url('target') });
    assert.is(result.code, 1);
    assert.match(result.stderr, /ERROR: checksum mismatch for backups\/.*\.dump: refusing to restore it/);
    assert.equal(contentOf(pg, 'target'), {});
  } finally {
    await gcs.write(BUCKET, object, original);
  }
});
faults('restore into a database that has tables is refused without force, and replaces them with force', () => {
  pg.psql('postgres', 'CREATE DATABASE busy;');
  pg.psql('busy', 'CREATE TABLE users (keep_me int); INSERT INTO users VALUES (1);');
  const refused = script(['restore'], { TARGET_DATABASE_URL: pg.url('busy') });
  assert.is(refused.code, 1);
  assert.match(refused.stderr, /ERROR: the target database already has 1 tables; refusing to restore over them \(set RESTORE_FORCE=true/);
  assert.is(pg.psql('busy', 'SELECT count(*) FROM users;').stdout.trim(), '1');
  const forced = script(['restore'], { TARGET_DATABASE_URL: pg.url('busy'), RESTORE_FORCE: 'true' });
  assert.is(forced.code, 0, forced.stderr);
  assert.equal(contentOf(pg, 'busy'), contentOf(pg, 'product'));
});
faults.run();
