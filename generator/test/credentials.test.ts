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
