import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseManifests, ROOT, template, type Manifest } from './tools.js';

export interface MonitoringFiles {
  dir: string;
  manifests: Manifest[];
  dispose(): void;
}

type WithData = Manifest & { data?: Record<string, string>; stringData?: Record<string, string> };

/**
 * Renders the monitoring chart and writes the files its pods would read
 * (prometheus.yml, alerts.yml, alertmanager.yml) into a scratch folder.
 */
export function renderMonitoringFiles(valuesFiles: string[] = [], set: string[] = []): MonitoringFiles {
  const manifests = parseManifests(template('monitoring', { valuesFiles, set }));
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-monitoring-'));
  const byName = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name) as WithData | undefined;
  const prometheus = byName('ConfigMap', 'balena-monitoring-prometheus');
  const rules = byName('ConfigMap', 'balena-monitoring-prometheus-rules');
  const alertmanager = byName('Secret', 'balena-monitoring-alertmanager');
  writeFileSync(path.join(dir, 'prometheus.yml'), prometheus?.data?.['prometheus.yml'] ?? '');
  for (const [name, text] of Object.entries(rules?.data ?? {})) writeFileSync(path.join(dir, name), text);
  if (alertmanager?.stringData) writeFileSync(path.join(dir, 'alertmanager.yml'), alertmanager.stringData['alertmanager.yml'] ?? '');
  return { dir, manifests, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A promtool test fixture's two files, `<name>.test.yml` and
 * `<name>-hourly.test.yml`: the second holds the tests of alerts that look
 * back a day or more, evaluated once an hour (see its header).
 */
export function fixtureFiles(name: string): string[] {
  return [`${name}.test.yml`, `${name}-hourly.test.yml`].map((file) => path.join(ROOT, 'generator/test/fixtures', file));
}

/** Copies a fixture's files into `dir`, beside the rule files they name; returns their names there, for `promtool test rules`. */
export function copyFixtures(name: string, dir: string): string[] {
  return fixtureFiles(name).map((file) => {
    copyFileSync(file, path.join(dir, path.basename(file)));
    return path.basename(file);
  });
}
