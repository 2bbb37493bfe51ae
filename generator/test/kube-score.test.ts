import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { valuesCases } from './support/cases.js';
import { run, template, tool, WORKLOAD_CHARTS } from './support/tools.js';

/**
 * kube-score checks we switch off, each with its reason. Anything else it rates
 * CRITICAL fails the suite. (Per-object exceptions live on the object as a
 * `kube-score/ignore` annotation, e.g. probes on the helm test pod.)
 */
export const KUBE_SCORE_EXCEPTIONS: Record<string, string> = {
  'container-image-pull-policy':
    'Images are pinned by tag or digest; pullPolicy Always would make every pod start depend on the registry being up. Users who want it set image.pullPolicy=Always.',
};

const score = suite('kube-score finds nothing critical in the rendered charts');
for (const c of valuesCases(WORKLOAD_CHARTS)) {
  score(`${c.chart} (${c.name})`, () => {
    const manifests = template(c.chart, { valuesFiles: c.valuesFiles });
    const ignores = Object.keys(KUBE_SCORE_EXCEPTIONS).flatMap((test) => ['--ignore-test', test]);
    const result = run(tool('kube-score'), ['score', '--output-format', 'ci', ...ignores, '-'], { input: manifests });
    const critical = result.stdout.split('\n').filter((line) => line.startsWith('[CRITICAL]'));
    assert.equal(critical, [], result.stdout);
    assert.ok(result.stdout.includes('[OK]'), 'kube-score scored the objects');
  });
}
score.run();
