import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { templateResult } from './support/tools.js';

/** A bad value, and the text Helm's error must contain to point at it. */
interface BadValue {
  chart: 'ui' | 'api';
  set: string[];
  names: string;
  because: string;
}

const cases: BadValue[] = [
  { chart: 'api', set: ['replicaCount=abc'], names: "at '/replicaCount': got string, want integer", because: 'wrong type' },
  { chart: 'ui', set: ['replicaCount=-1'], names: "at '/replicaCount': minimum", because: 'below the minimum' },
  { chart: 'api', set: ['image.pullPolicy=Sometimes'], names: "at '/image/pullPolicy'", because: 'not one of the allowed pull policies' },
  { chart: 'ui', set: ['image.digest=sha256:xyz'], names: "at '/image/digest'", because: 'not a sha256 digest' },
  { chart: 'api', set: ['image.repository=null'], names: "at '/image': missing property 'repository'", because: 'required value removed' },
  { chart: 'ui', set: ['service.type=ExternalName'], names: "at '/service/type'", because: 'unsupported Service type' },
  { chart: 'api', set: ['service.port=70000'], names: "at '/service/port': maximum", because: 'port out of range' },
  { chart: 'ui', set: ['service.nodePort=80'], names: "at '/service/nodePort'", because: 'node port outside 30000-32767' },
  { chart: 'api', set: ['autoscaling.minReplicas=0'], names: "at '/autoscaling/minReplicas': minimum", because: 'fewer than one replica' },
  { chart: 'ui', set: ['autoscaling.targetCPUUtilizationPercentage=150'], names: "at '/autoscaling/targetCPUUtilizationPercentage': maximum", because: 'over 100 %' },
  { chart: 'api', set: ['autoscaling.enabled=yes'], names: "at '/autoscaling/enabled': got string, want boolean", because: 'not a boolean' },
  { chart: 'ui', set: ['replicas=3'], names: "additional properties 'replicas' not allowed", because: 'unknown top-level key (helm create calls it replicaCount)' },
  { chart: 'api', set: ['image.name=api'], names: "at '/image': additional properties 'name' not allowed", because: 'unknown nested key' },
  { chart: 'ui', set: ['topologySpread.whenUnsatisfiable=Never'], names: "at '/topologySpread/whenUnsatisfiable'", because: 'not a Kubernetes policy' },
  { chart: 'api', set: ['podDisruptionBudget.maxUnavailable=half'], names: "at '/podDisruptionBudget/maxUnavailable'", because: 'neither a number nor a percentage' },
  { chart: 'ui', set: ['lifecycle.preStopSleepSeconds=-5'], names: "at '/lifecycle/preStopSleepSeconds': minimum", because: 'negative pause' },
  { chart: 'api', set: ['serviceAccount.annotations.team=1'], names: "at '/serviceAccount/annotations/team': got number, want string", because: 'annotation values are strings' },
  { chart: 'api', set: ['database.secretKey='], names: "at '/database/secretKey'", because: 'empty Secret key' },
  { chart: 'api', set: ['metrics.path=metrics'], names: "at '/metrics/path'", because: 'path without a leading slash' },
  { chart: 'api', set: ['cloudSqlProxy.instanceConnectionName=not a name'], names: "at '/cloudSqlProxy/instanceConnectionName'", because: 'not project:region:instance' },
  // Rules across two values cannot be written in JSON Schema; the templates check them and name both.
  { chart: 'ui', set: ['autoscaling.minReplicas=5', 'autoscaling.maxReplicas=2'], names: 'autoscaling.minReplicas (5) must not exceed autoscaling.maxReplicas (2)', because: 'min above max' },
  { chart: 'api', set: ['lifecycle.terminationGracePeriodSeconds=5'], names: 'lifecycle.terminationGracePeriodSeconds (5) must exceed lifecycle.preStopSleepSeconds (10)', because: 'no time left to drain' },
  { chart: 'api', set: ['cloudSqlProxy.enabled=true'], names: 'cloudSqlProxy.instanceConnectionName is required when cloudSqlProxy.enabled is true', because: 'proxy without an instance' },
  { chart: 'api', set: ['database.url='], names: 'database: set database.existingSecret', because: 'no database URL at all' },
  { chart: 'api', set: ['database.url=postgresql://api:secret@db:5432/api'], names: "at '/database/url'", because: 'a password in values (only localDevelopmentUrl may carry one)' },
  { chart: 'api', set: ['database.url=postgresql://db:5432/api?password=secret'], names: "at '/database/url'", because: 'a password in the query string' },
  { chart: 'ui', set: ['autoscaling.targetCPUUtilizationPercentage=null'], names: 'autoscaling: set targetCPUUtilizationPercentage or targetMemoryUtilizationPercentage', because: 'an HPA with no metric' },
];

for (const binary of ['helm', 'helm3'] as const) {
  const rejects = suite(`${binary} template rejects invalid values, naming the value`);
  for (const c of cases) {
    rejects(`${c.chart}: ${c.set.join(' ')} (${c.because})`, () => {
      const result = templateResult(c.chart, { set: c.set, binary, kubeVersion: 'v1.37.2' });
      assert.is.not(result.code, 0, `helm accepted ${c.set.join(' ')}`);
      assert.ok(result.stderr.includes(c.names), `expected "${c.names}" in:\n${result.stderr}`);
    });
  }
  rejects.run();
}
