import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findKind, parseManifests, ROOT, template, type Manifest } from './support/tools.js';

type Json = Record<string, any>; // rendered objects are checked field by field below

const PRODUCTION = path.join(ROOT, 'environments/production.yaml');

/** Every string a Secret of the render holds, base64 data decoded. */
function secretTexts(manifests: Manifest[]): string[] {
  return (manifests as Json[])
    .filter((object) => object.kind === 'Secret')
    .flatMap((secret) => [
      ...Object.values<string>(secret.stringData ?? {}),
      ...Object.values<string>(secret.data ?? {}).map((value) => Buffer.from(value, 'base64').toString('utf8')),
    ]);
}

/** What a credential looks like in a values-made Secret: a URL (webhooks carry their token in it) or a password-like key with a value. */
const CREDENTIAL = [/\bhttps?:\/\/[^\s"']+/, /\b\w+:\/\/[^\s/:@]+:[^\s/@]+@/, /\b(password|passwd|secret|token|routing_key|api_key)\s*:\s*\S+/i];

const credentials = suite('no credential in the production values or their render');

credentials('the production render\'s Secrets hold no URL, password or key', () => {
  const manifests = parseManifests(template('umbrella', { valuesFiles: [PRODUCTION] }));
  const texts = secretTexts(manifests);
  assert.ok(texts.length > 0, 'the render has Secrets to read (the Alertmanager configuration)');
  for (const text of texts) for (const pattern of CREDENTIAL) assert.not.match(text, pattern);
});

credentials('the check finds a webhook URL written into values', () => {
  const manifests = parseManifests(template('umbrella', { valuesFiles: [PRODUCTION], set: ['monitoring.alertmanager.receivers[0].name=oncall', 'monitoring.alertmanager.receivers[0].webhook_configs[0].url=https://hooks.example.com/token'] }));
  assert.ok(secretTexts(manifests).some((text) => CREDENTIAL.some((pattern) => pattern.test(text))));
});

credentials.run();

const alertmanager = suite('Alertmanager credentials from Secrets');

alertmanager('secretFiles are mounted read-only where receivers name them by file', () => {
  const manifests = parseManifests(template('umbrella', { valuesFiles: [PRODUCTION] })) as Json[];
  const deployment = manifests.find((object) => object.kind === 'Deployment' && object.metadata.name === 'balena-monitoring-alertmanager');
  const pod = deployment?.spec.template.spec;
  const volume = pod.volumes.find((v: Json) => v.secret?.secretName === 'balena-alertmanager-oncall');
  assert.ok(volume, 'a volume of the Secret');
  const mount = pod.containers[0].volumeMounts.find((m: Json) => m.name === volume.name);
  assert.equal(mount, { name: volume.name, mountPath: '/etc/alertmanager/secrets/balena-alertmanager-oncall', readOnly: true });
  const config = manifests.find((object) => object.kind === 'Secret' && object.metadata.name === 'balena-monitoring-alertmanager');
  assert.match(config?.stringData['alertmanager.yml'], 'url_file: /etc/alertmanager/secrets/balena-alertmanager-oncall/url');
});

alertmanager('existingSecret replaces the whole configuration: no Secret of the chart, no checksum', () => {
  const manifests = parseManifests(template('monitoring', { set: ['alertmanager.existingSecret=team-alertmanager'] })) as Json[];
  assert.not.ok(manifests.some((object) => object.kind === 'Secret' && object.metadata.name.endsWith('-alertmanager')));
  const deployment = manifests.find((object) => object.kind === 'Deployment' && object.metadata.name.endsWith('-alertmanager'));
  const pod = deployment?.spec.template;
  assert.is(pod.spec.volumes.find((v: Json) => v.name === 'config').secret.secretName, 'team-alertmanager');
  assert.is(pod.metadata.annotations?.['checksum/config'], undefined);
  assert.ok(findKind(parseManifests(template('monitoring')), 'Secret'), 'without it, the chart writes its own');
});

alertmanager('a Secret name that Kubernetes would refuse is refused, naming the value', () => {
  assert.throws(() => template('monitoring', { set: ['alertmanager.secretFiles[0]=Not_A_Name'] }), /alertmanager\/secretFiles\/0/);
});

alertmanager.run();

const remoteWrite = suite('Prometheus remote_write and external labels, credentials by file');

remoteWrite('the entries and labels reach prometheus.yml, the Secrets are mounted, and HTTPS egress opens only then', () => {
  const values = path.join(ROOT, 'charts/monitoring/ci/remote-write-values.yaml');
  const manifests = parseManifests(template('monitoring', { valuesFiles: [values] })) as Json[];
  const config = manifests.find((object) => object.kind === 'ConfigMap' && object.metadata.name.endsWith('-prometheus'))?.data['prometheus.yml'];
  assert.match(config, /external_labels:\n\s+cluster: prod-eu/);
  assert.match(config, 'password_file: /etc/prometheus/secrets/balena-remote-write/password');
  const pod = manifests.find((object) => object.kind === 'StatefulSet')?.spec.template.spec;
  assert.ok(pod.containers[0].volumeMounts.some((m: Json) => m.mountPath === '/etc/prometheus/secrets/balena-remote-write' && m.readOnly));
  const httpsAnywhere = (list: Json[]) => {
    const policy = list.find((object) => object.kind === 'NetworkPolicy' && object.metadata.name.endsWith('-prometheus'));
    return policy?.spec.egress.some((rule: Json) => rule.to === undefined && rule.ports?.length === 1 && rule.ports[0].port === 443);
  };
  assert.ok(httpsAnywhere(manifests));
  assert.not.ok(httpsAnywhere(parseManifests(template('monitoring', { set: ['networkPolicy.apiServerCidrs[0]=10.0.0.2/32'] })) as Json[]));
});

remoteWrite('a URL carrying a user and password is refused, naming the value', () => {
  assert.throws(() => template('monitoring', { set: ['prometheus.remoteWrite[0].url=https://user:pass@mimir.example.com/push'] }), /prometheus\/remoteWrite\/0\/url/);
});

remoteWrite.run();

const grafana = suite('Grafana: its settings from values, its secrets from Secrets');
const SSO = path.join(ROOT, 'charts/monitoring/ci/grafana-sso-values.yaml');

/** grafana.ini as section → key → value. */
function parseIni(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current = '';
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) sections[(current = header[1]!)] = {};
    else {
      const [key, ...value] = line.split(' = ');
      sections[current]![key!] = value.join(' = ');
    }
  }
  return sections;
}

grafana('ini sections merge over the chart\'s, datasources follow Prometheus, team dashboards mount by name', () => {
  const manifests = parseManifests(template('monitoring', { valuesFiles: [SSO] })) as Json[];
  const config = manifests.find((object) => object.kind === 'ConfigMap' && object.metadata.name.endsWith('-grafana'))?.data;
  const ini = parseIni(config['grafana.ini']);
  assert.is(ini['auth.google']?.enabled, 'true');
  assert.is(ini['auth.google']?.client_secret, undefined, 'the client secret comes from the environment (GF_AUTH_GOOGLE_CLIENT_SECRET)');
  assert.is(ini.server?.domain, 'grafana.example.com');
  assert.is(ini.server?.http_port, '3000', 'the chart\'s own keys stay');
  assert.is(ini.users?.allow_sign_up, 'false');
  assert.is(ini.users?.auto_assign_org_role, 'Viewer');
  assert.match(config['datasources.yaml'], /name: Prometheus[\s\S]*name: Loki/);
  assert.match(config['dashboards.yaml'], 'path: /etc/grafana/team-dashboards');
  const pod = manifests.find((object) => object.kind === 'Deployment' && object.metadata.name.endsWith('-grafana'))?.spec.template.spec;
  assert.ok(pod.volumes.some((v: Json) => v.configMap?.name === 'team-dashboards'));
  assert.ok(pod.containers[0].volumeMounts.some((m: Json) => m.mountPath === '/etc/grafana/team-dashboards/team-dashboards'));
  assert.equal(pod.containers[0].envFrom, [{ secretRef: { name: 'grafana-oauth', optional: true } }]);
});

grafana('a user key wins over the chart\'s, and HTTPS egress opens only when asked', () => {
  const manifests = parseManifests(template('monitoring', { set: ['grafana.ini.users.allow_sign_up=true'] })) as Json[];
  const config = manifests.find((object) => object.kind === 'ConfigMap' && object.metadata.name.endsWith('-grafana'))?.data;
  assert.is(parseIni(config['grafana.ini']).users?.allow_sign_up, 'true');
  const https = (list: Json[]) => list.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name.endsWith('-grafana'))?.spec.egress.some((rule: Json) => rule.to === undefined && rule.ports?.[0]?.port === 443);
  assert.not.ok(https(manifests));
  assert.ok(https(parseManifests(template('monitoring', { valuesFiles: [SSO] })) as Json[]));
});

grafana('an ini value that is not a scalar is refused, naming the value', () => {
  assert.throws(() => template('monitoring', { set: ['grafana.ini.server.domain[0]=x'] }), /grafana\/ini\/server\/domain/);
});

grafana.run();

const database = suite('a database password only where its name says local development');

database('localDevelopmentUrl wins over url and is what the chart\'s Secret holds', () => {
  const manifests = parseManifests(template('api', { set: ['database.localDevelopmentUrl=postgresql://api:api@dev-postgres:5432/api'] })) as Json[];
  const secret = manifests.find((object) => object.kind === 'Secret');
  assert.is(secret?.stringData.DATABASE_URL, 'postgresql://api:api@dev-postgres:5432/api');
  const byDefault = (parseManifests(template('api')) as Json[]).find((object) => object.kind === 'Secret');
  assert.not.match(byDefault?.stringData.DATABASE_URL, /:[^/@]*@/, 'the default URL has no password (IAM through the proxy)');
});

database.run();
