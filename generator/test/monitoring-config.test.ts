import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { valuesCases } from './support/cases.js';
import { copyFixtures, fixtureFiles, renderMonitoringFiles } from './support/monitoring.js';
import { ROOT, run, tool } from './support/tools.js';

// The cases that run our own Prometheus and Alertmanager (the operator and gmp
// backends' rules are checked in monitoring-backends.test.ts).
const cases = valuesCases(['monitoring']).filter((c) => !c.valuesFiles.some((file) => /^backend: (operator|gmp)$/m.test(readFileSync(file, 'utf8'))));

const promtool = suite("promtool and amtool accept the rendered configuration");
for (const c of cases) {
  promtool(`monitoring (${c.name}): promtool check config, check rules; amtool check-config`, () => {
    const files = renderMonitoringFiles(c.valuesFiles);
    try {
      // --syntax-only: the in-cluster token and CA files do not exist here.
      const config = run(tool('promtool'), ['check', 'config', '--syntax-only', 'prometheus.yml'], { cwd: files.dir });
      assert.is(config.code, 0, config.stdout + config.stderr);
      const ruleFiles = readdirSync(files.dir).filter((name) => name !== 'prometheus.yml' && name !== 'alertmanager.yml');
      assert.ok(ruleFiles.includes('alerts.yml'));
      const rules = run(tool('promtool'), ['check', 'rules', ...ruleFiles], { cwd: files.dir });
      assert.is(rules.code, 0, rules.stdout + rules.stderr);
      assert.match(rules.stdout, /SUCCESS: 11 rules found/);
      assert.ok(existsSync(path.join(files.dir, 'alertmanager.yml')));
      const am = run(tool('amtool'), ['check-config', 'alertmanager.yml'], { cwd: files.dir });
      assert.is(am.code, 0, am.stdout + am.stderr);
    } finally {
      files.dispose();
    }
  });
}
promtool('a rule with broken PromQL in alerting.extraRules is caught by promtool', () => {
  const files = renderMonitoringFiles([], ['alerting.extraRules[0].name=custom', 'alerting.extraRules[0].rules[0].alert=Broken', 'alerting.extraRules[0].rules[0].expr=sum(rate(x[5m])']);
  try {
    const rules = run(tool('promtool'), ['check', 'rules', 'extra.yml'], { cwd: files.dir });
    assert.is.not(rules.code, 0);
    assert.match(rules.stdout + rules.stderr, /Broken|parse error|unclosed/);
  } finally {
    files.dispose();
  }
});
promtool.run();

const alerts = suite('promtool test rules: every default alert fires on its synthetic series, and only then');
alerts('generator/test/fixtures/alerts{,-hourly}.test.yml pass against the rendered alerts.yml', () => {
  const files = renderMonitoringFiles();
  try {
    const result = run(tool('promtool'), ['test', 'rules', ...copyFixtures('alerts', files.dir)], { cwd: files.dir });
    assert.is(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /SUCCESS/);
  } finally {
    files.dispose();
  }
});
alerts('every default alert has a unit test', () => {
  const files = renderMonitoringFiles();
  try {
    const rules = run(tool('promtool'), ['check', 'rules', '--lint=none', 'alerts.yml'], { cwd: files.dir });
    assert.is(rules.code, 0);
    const alertNames = [...files.manifests.flatMap((m) => Object.values((m as { data?: Record<string, string> }).data ?? {}))
      .join('\n')
      .matchAll(/- alert: (\w+)/g)].map((match) => match[1]);
    const tested = run('grep', ['-ho', 'alertname: [A-Za-z]*', ...fixtureFiles('alerts')]).stdout;
    assert.is(alertNames.length, 11);
    for (const name of alertNames) assert.ok(tested.includes(`alertname: ${name}`), `${name} has no promtool test`);
  } finally {
    files.dispose();
  }
});
alerts('alerting.disabled leaves an alert out', () => {
  const files = renderMonitoringFiles([], ['alerting.disabled[0]=KubeHpaMaxedOut']);
  try {
    const rules = run(tool('promtool'), ['check', 'rules', 'alerts.yml'], { cwd: files.dir });
    assert.match(rules.stdout, /SUCCESS: 10 rules found/);
  } finally {
    files.dispose();
  }
});
alerts.run();
