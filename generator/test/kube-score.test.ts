import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { valuesCases } from './support/cases.js';
import { ALL_CHARTS, kubeScoreCritical, ROOT, template } from './support/tools.js';

/**
 * Checks that look across charts (an Ingress's Services, a namespace-wide
 * NetworkPolicy's pods) cannot pass on the ingress chart alone; the combined
 * render below runs them.
 */
const CROSS_CHART_CHECKS: Record<string, string> = {
  'ingress-targets-service': 'the ui, api and Grafana Services are in the other charts',
  'networkpolicy-targets-pod': 'the default-deny policy selects the other charts\' pods',
};

const score = suite('kube-score finds nothing critical in the rendered charts');
for (const c of valuesCases(ALL_CHARTS)) {
  score(`${c.chart} (${c.name})`, () => {
    const { critical, output } = kubeScoreCritical(template(c.chart, { valuesFiles: c.valuesFiles }), c.chart === 'ingress' ? Object.keys(CROSS_CHART_CHECKS) : []);
    assert.equal(critical, [], output);
    assert.ok(output.includes('[OK]'), 'kube-score scored the objects');
  });
}
score('the umbrella with production values, all components in one release: routes reach Services, policies select pods', () => {
  const manifests = template('umbrella', { valuesFiles: [path.join(ROOT, 'environments/production.yaml')] });
  const { critical, output } = kubeScoreCritical(manifests);
  assert.equal(critical, [], output);
  assert.match(output, /Ingress/);
});
score.run();
