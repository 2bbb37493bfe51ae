import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { valuesCases } from './support/cases.js';
import { ALL_CHARTS, ROOT, run, template, tool } from './support/tools.js';

/**
 * kube-score checks we switch off, each with its reason. Anything else it rates
 * CRITICAL fails the suite. (Per-object exceptions live on the object as a
 * `kube-score/ignore` annotation, e.g. probes on the helm test pod.)
 */
export const KUBE_SCORE_EXCEPTIONS: Record<string, string> = {
  'container-image-pull-policy':
    'Images are pinned by tag or digest; pullPolicy Always would make every pod start depend on the registry being up. Users who want it set image.pullPolicy=Always.',
};

/**
 * Checks that look across charts (an Ingress's Services, a namespace-wide
 * NetworkPolicy's pods) cannot pass on the ingress chart alone; the combined
 * render below runs them.
 */
const CROSS_CHART_CHECKS: Record<string, string> = {
  'ingress-targets-service': 'the ui, api and Grafana Services are in the other charts',
  'networkpolicy-targets-pod': 'the default-deny policy selects the other charts\' pods',
};

function criticalFindings(manifests: string, ignored: string[]): { critical: string[]; output: string } {
  const ignores = ignored.flatMap((test) => ['--ignore-test', test]);
  const result = run(tool('kube-score'), ['score', '--output-format', 'ci', ...ignores, '-'], { input: manifests });
  return { critical: result.stdout.split('\n').filter((line) => line.startsWith('[CRITICAL]')), output: result.stdout };
}

const score = suite('kube-score finds nothing critical in the rendered charts');
for (const c of valuesCases(ALL_CHARTS)) {
  score(`${c.chart} (${c.name})`, () => {
    const ignored = [...Object.keys(KUBE_SCORE_EXCEPTIONS), ...(c.chart === 'ingress' ? Object.keys(CROSS_CHART_CHECKS) : [])];
    const { critical, output } = criticalFindings(template(c.chart, { valuesFiles: c.valuesFiles }), ignored);
    assert.equal(critical, [], output);
    assert.ok(output.includes('[OK]'), 'kube-score scored the objects');
  });
}
score('the umbrella with production values, all components in one release: routes reach Services, policies select pods', () => {
  const manifests = template('umbrella', { valuesFiles: [path.join(ROOT, 'environments/production.yaml')] });
  const { critical, output } = criticalFindings(manifests, Object.keys(KUBE_SCORE_EXCEPTIONS));
  assert.equal(critical, [], output);
  assert.match(output, /Ingress/);
});
score.run();
