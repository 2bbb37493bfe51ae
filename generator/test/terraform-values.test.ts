import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { createAjv } from '../src/schema/ajv.js';
import { chartDefaults } from '../src/commands/chart-defaults.js';
import { coalesce } from '../src/schema/coalesce.js';
import type { JsonObject } from '../src/schema/json-pointer.js';
import { TERRAFORM_OUTPUTS, terraformOutputsToValues } from '../../scripts/terraform-bridge/outputs.js';
import { parseManifests, ROOT, run, template, tool } from './support/tools.js';

type Json = Record<string, any>; // rendered objects are checked field by field below

const FIXTURE = path.join(ROOT, 'generator/test/fixtures/terraform-output.json');
const fixture = (): Json => JSON.parse(readFileSync(FIXTURE, 'utf8'));
// Run from the scratch folder, as a user would, so the file is named as typed.
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const cli = (args: string[], options: { input?: string; cwd?: string } = {}) =>
  run(process.execPath, ['--import', TSX_LOADER, path.join(ROOT, 'scripts/values-from-terraform.ts'), ...args, '--root', ROOT], options);

/** A scratch folder removed after `body`, even when it throws. */
function inScratch(body: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-terraform-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the bridge on an edited copy of the fixture; returns the result and the -o target. */
function bridge(edit: (outputs: Json) => void, dir: string) {
  const outputs = fixture();
  edit(outputs);
  writeFileSync(path.join(dir, 'output.json'), JSON.stringify(outputs));
  return { result: cli(['output.json', '-o', 'terraform.yaml'], { cwd: dir }), out: path.join(dir, 'terraform.yaml') };
}

const declared = () =>
  [...readFileSync(path.join(ROOT, 'terraform/envs/production/outputs.tf'), 'utf8').matchAll(/^output "([a-z0-9_]+)"/gm)].map((m) => m[1]).sort();

const layers = suite('the bridge and terraform/envs/production name the same outputs');
layers('every output outputs.tf declares is mapped by the bridge, and no other', () => {
  assert.equal(declared(), Object.keys(TERRAFORM_OUTPUTS).sort());
});
layers('the recorded fixture holds exactly those outputs', () => {
  assert.equal(Object.keys(fixture()).sort(), declared());
});
layers('the fixture is what `tofu output -json` prints for those values', () => {
  inScratch((dir) => {
    // A root made only of outputs needs no provider, so real OpenTofu applies it here.
    const config = { output: Object.fromEntries(Object.entries(fixture()).map(([name, o]) => [name, { value: o.value }])) };
    writeFileSync(path.join(dir, 'outputs.tf.json'), JSON.stringify(config));
    const env = { TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
    for (const args of [['init', '-input=false', '-no-color'], ['apply', '-auto-approve', '-input=false', '-no-color']]) {
      const step = run(tool('tofu'), args, { cwd: dir, env });
      assert.is(step.code, 0, step.stdout + step.stderr);
    }
    const output = run(tool('tofu'), ['output', '-json'], { cwd: dir, env });
    assert.is(output.code, 0, output.stderr);
    assert.equal(JSON.parse(output.stdout), fixture());
  });
});
layers.run();

const values = suite('values-from-terraform: terraform output -json → checked umbrella values');
values('the fixture becomes values the umbrella schema accepts (ajv, over the chart defaults)', async () => {
  const result = cli([FIXTURE]);
  assert.is(result.code, 0, result.stderr);
  const produced = parse(result.stdout) as JsonObject;
  const chartDir = path.join(ROOT, 'charts/umbrella');
  const validate = createAjv().compile(JSON.parse(readFileSync(path.join(chartDir, 'values.schema.json'), 'utf8')));
  assert.ok(validate(coalesce(await chartDefaults(chartDir, 'test'), produced)), JSON.stringify(validate.errors));
  assert.equal(produced, {
    global: { workloadIdentityProject: 'balena-prod' },
    api: {
      cloudSqlProxy: { instanceConnectionName: 'balena-prod:europe-west1:balena', enabled: true },
      serviceAccount: { annotations: { 'iam.gke.io/gcp-service-account': 'balena-api@balena-prod.iam.gserviceaccount.com' }, name: 'balena-api' },
    },
    backup: {
      cloudSqlProxy: { instanceConnectionName: 'balena-prod:europe-west1:balena', enabled: true },
      postgresVersion: '17',
      gcs: { bucket: 'balena-prod-balena-backups' },
      enabled: true,
      serviceAccount: { annotations: { 'iam.gke.io/gcp-service-account': 'balena-backup@balena-prod.iam.gserviceaccount.com' }, name: 'balena-backup' },
    },
  });
});
values('the YAML says it is generated and names the output behind each value', () => {
  const result = cli([FIXTURE]);
  assert.match(result.stdout, /^# generated — do not edit: made by balena-charts from terraform output -json/);
  assert.match(result.stdout, /bucket: balena-prod-balena-backups # terraform output backup_bucket\n/);
});
values('standard input works as `-`, for terraform output -json | scripts/values-from-terraform.ts -', () => {
  const result = cli(['-'], { input: readFileSync(FIXTURE, 'utf8') });
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stdout, cli([FIXTURE]).stdout.replace(`(${FIXTURE})`, '(<stdin>)'));
});
values('over environments/production.yaml the fixture changes nothing: it names what production.ts writes by hand', () => {
  inScratch((dir) => {
    const { result, out } = bridge(() => {}, dir);
    assert.is(result.code, 0, result.stderr);
    const production = path.join(ROOT, 'environments/production.yaml');
    assert.is(template('umbrella', { valuesFiles: [production, out] }), template('umbrella', { valuesFiles: [production] }));
  });
});
values("another project's outputs reach the rendered umbrella (helm template)", () => {
  inScratch((dir) => {
    const { result, out } = bridge((o) => {
      o.project_id.value = 'shop-staging';
      o.cloudsql_connection_name.value = 'shop-staging:europe-north1:shop';
      o.cloudsql_postgres_version.value = '16';
      o.backup_bucket.value = 'shop-staging-backups';
      o.api_service_account_email.value = 'shop-api@shop-staging.iam.gserviceaccount.com';
      o.backup_service_account_email.value = 'shop-backup@shop-staging.iam.gserviceaccount.com';
      o.api_kubernetes_service_account.value = 'shop-api';
      o.backup_kubernetes_service_account.value = 'shop-backup';
    }, dir);
    assert.is(result.code, 0, result.stderr);
    const manifests = parseManifests(template('umbrella', { valuesFiles: [path.join(ROOT, 'environments/production.yaml'), out] })) as Json[];
    const serviceAccount = (name: string) => manifests.find((m) => m.kind === 'ServiceAccount' && m.metadata.name === name);
    assert.is(serviceAccount('shop-api')?.metadata.annotations['iam.gke.io/gcp-service-account'], 'shop-api@shop-staging.iam.gserviceaccount.com');
    assert.is(serviceAccount('shop-backup')?.metadata.annotations['iam.gke.io/gcp-service-account'], 'shop-backup@shop-staging.iam.gserviceaccount.com');

    const api = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'balena-api')!.spec.template.spec;
    assert.is(api.serviceAccountName, 'shop-api');
    assert.ok(api.initContainers.find((c: Json) => c.name === 'cloud-sql-proxy').args.includes('shop-staging:europe-north1:shop'));

    const backup = manifests.find((m) => m.kind === 'CronJob' && m.metadata.name === 'balena-backup')!.spec.jobTemplate.spec.template.spec;
    assert.is(backup.serviceAccountName, 'shop-backup');
    assert.ok(backup.initContainers.find((c: Json) => c.name === 'cloud-sql-proxy').args.includes('shop-staging:europe-north1:shop'));
    assert.ok(backup.initContainers.find((c: Json) => c.name === 'dump').image.endsWith(':16-bookworm'), 'pg_dump matches the instance version');
    const upload = backup.containers.find((c: Json) => c.name === 'upload');
    assert.is(upload.env.find((e: Json) => e.name === 'GCS_BUCKET').value, 'shop-staging-backups');
  });
});
values.run();

const refused = suite('values-from-terraform: a broken output is one line naming it, exit 1, nothing written');
const cases: { name: string; edit: (o: Json) => void; line: RegExp }[] = [
  {
    name: 'a bucket name the chart refuses',
    edit: (o) => (o.backup_bucket.value = 'Balena_Backups!'),
    line: /^output\.json#\/backup_bucket: output backup_bucket → backup\.gcs\.bucket: must match pattern .* \(the umbrella's values\.schema\.json\) \[TERRAFORM_OUTPUT\]$/,
  },
  {
    name: 'a missing output',
    edit: (o) => delete o.cloudsql_connection_name,
    line: /^output\.json#\/cloudsql_connection_name: output cloudsql_connection_name is missing \(terraform\/envs\/production\/outputs\.tf declares it; it sets api\.cloudSqlProxy\.instanceConnectionName and backup\.cloudSqlProxy\.instanceConnectionName\) \[TERRAFORM_OUTPUT\]$/,
  },
  {
    name: 'an output of the wrong type',
    edit: (o) => (o.backup_cloud_sql_proxy = { sensitive: false, type: 'string', value: 'true' }),
    line: /^output\.json#\/backup_cloud_sql_proxy: output backup_cloud_sql_proxy is a string, expected a bool; it sets backup\.cloudSqlProxy\.enabled \[TERRAFORM_OUTPUT\]$/,
  },
  {
    name: 'a service account that is not an email',
    edit: (o) => (o.api_service_account_email.value = 'balena-api'),
    line: /^output\.json#\/api_service_account_email: output api_service_account_email is "balena-api", expected a Google service account email .*; it sets api\.serviceAccount\.annotations\.iam\.gke\.io\/gcp-service-account \[TERRAFORM_OUTPUT\]$/,
  },
  {
    name: 'a PostgreSQL version the backup image does not exist for',
    edit: (o) => (o.cloudsql_postgres_version.value = '12'),
    line: /^output\.json#\/cloudsql_postgres_version: output cloudsql_postgres_version → backup\.postgresVersion: must be equal to one of the allowed values "13", "14", "15", "16", "17", "18" \(the umbrella's values\.schema\.json\) \[TERRAFORM_OUTPUT\]$/,
  },
  {
    name: 'managed collection on without the GMP frontend\'s service account',
    edit: (o) => (o.managed_prometheus.value = true),
    line: /^output\.json#\/gmp_frontend_service_account_email: output gmp_frontend_service_account_email is "", expected a Google service account email .*; it sets monitoring\.gmp\.serviceAccountEmail when managed_prometheus is true \[TERRAFORM_OUTPUT\]$/,
  },
  {
    name: 'an output the bridge does not know',
    edit: (o) => (o.redis_host = { sensitive: false, type: 'string', value: '10.0.0.3' }),
    line: /^output\.json#\/redis_host: output redis_host is not known to the bridge: map it .* in scripts\/terraform-bridge\/outputs\.ts \[TERRAFORM_OUTPUT\]$/,
  },
];
for (const c of cases) {
  refused(`${c.name}`, () => {
    inScratch((dir) => {
      writeFileSync(path.join(dir, 'terraform.yaml'), 'previous: file\n');
      const { result, out } = bridge(c.edit, dir);
      assert.is(result.code, 1, result.stdout);
      const lines = result.stderr.trimEnd().split('\n');
      assert.is(lines.length, 1, result.stderr);
      assert.match(lines[0] ?? '', c.line);
      assert.is(result.stdout, '');
      assert.is(readFileSync(out, 'utf8'), 'previous: file\n', 'the previous file is left as it was');
    });
  });
}
refused('text that is not JSON is refused before anything else', () => {
  const result = cli(['-'], { input: 'Error: No outputs found\n' });
  assert.is(result.code, 1);
  assert.match(result.stderr, /^<stdin>: not JSON \(.*\); pass what `terraform output -json` prints \[TERRAFORM_OUTPUT\]\n$/);
});
refused('an empty state (terraform output -json prints {}) is one line, not one per output', () => {
  const result = cli(['-'], { input: '{}\n' });
  assert.is(result.code, 1);
  assert.match(result.stderr, /^<stdin>: no outputs at all: has `terraform apply` run for terraform\/envs\/production.*\[TERRAFORM_OUTPUT\]\n$/);
});
refused('no file is created when the output is broken', () => {
  inScratch((dir) => {
    const { result, out } = bridge((o) => delete o.backup_bucket, dir);
    assert.is(result.code, 1);
    assert.not.ok(existsSync(out));
  });
});
refused.run();

const pure = suite('terraformOutputsToValues (pure)');
pure('collects every problem of a run instead of stopping at the first', () => {
  const outputs = fixture();
  delete outputs.backup_bucket;
  outputs.project_id.value = 'Not A Project';
  const { problems } = terraformOutputsToValues(outputs, 'out.json');
  assert.equal(problems.map((p) => p.pointer), ['/project_id', '/backup_bucket']);
});
pure('outputs only the playbook reads set no values', () => {
  const { values, problems } = terraformOutputsToValues(fixture(), 'out.json');
  assert.equal(problems, []);
  assert.not.ok(JSON.stringify(values).includes('europe-west1"'), 'region and cluster location are no chart values');
  assert.not.ok('kubernetesNamespace' in values);
});
pure.run();

const gmp = suite('terraformOutputsToValues: the monitoring backend follows managed collection (managed_prometheus)');
gmp('off (the fixture): nothing is set under monitoring, so the chart keeps its own Prometheus', () => {
  const { values, problems } = terraformOutputsToValues(fixture(), 'out.json');
  assert.equal(problems, []);
  assert.not.ok('monitoring' in values);
  assert.not.ok('metricsCollectorNamespace' in (values.global as JsonObject));
});
gmp('on: backend gmp, the project to query and the frontend\'s Google service account, each from its output', () => {
  const outputs = fixture();
  outputs.managed_prometheus.value = true;
  outputs.gmp_frontend_service_account_email.value = 'balena-gmp@balena-prod.iam.gserviceaccount.com';
  const { values, sources, problems } = terraformOutputsToValues(outputs, 'out.json');
  assert.equal(problems, []);
  assert.equal(values.monitoring, { gmp: { projectId: 'balena-prod', serviceAccountEmail: 'balena-gmp@balena-prod.iam.gserviceaccount.com' }, backend: 'gmp' });
  assert.equal((values.global as JsonObject).workloadIdentityProject, 'balena-prod', 'the project still sets what it set before');
  assert.is((values.global as JsonObject).metricsCollectorNamespace, 'gmp-system', "GMP's collectors are admitted by the NetworkPolicies");
  assert.is(sources.get('/monitoring/backend'), 'managed_prometheus');
  assert.is(sources.get('/monitoring/gmp/projectId'), 'project_id');
  assert.is(sources.get('/monitoring/gmp/serviceAccountEmail'), 'gmp_frontend_service_account_email');
});
gmp('off: the empty frontend account is not checked as an email, and an email there sets nothing either', () => {
  const outputs = fixture();
  outputs.gmp_frontend_service_account_email.value = 'balena-gmp@balena-prod.iam.gserviceaccount.com';
  const { values, problems } = terraformOutputsToValues(outputs, 'out.json');
  assert.equal(problems, []);
  assert.not.ok('monitoring' in values);
});
gmp('a broken managed_prometheus is refused on its own, and sets no gmp values', () => {
  const outputs = fixture();
  outputs.managed_prometheus = { sensitive: false, type: 'string', value: 'true' };
  outputs.gmp_frontend_service_account_email.value = 'balena-gmp@balena-prod.iam.gserviceaccount.com';
  const { values, problems } = terraformOutputsToValues(outputs, 'out.json');
  assert.equal(problems.map((p) => p.pointer), ['/managed_prometheus']);
  assert.match(problems[0]!.message, 'output managed_prometheus is a string, expected a bool');
  assert.not.ok('monitoring' in values);
});
gmp.run();
