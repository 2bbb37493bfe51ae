import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { memoize, templateResult } from './support/tools.js';

/** A bad value, and the text Helm's error must contain to point at it. */
interface BadValue {
  chart: 'ui' | 'api' | 'ingress' | 'backup' | 'monitoring';
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
  { chart: 'api', set: ['database.existingSecret=Database_URL'], names: "at '/database/existingSecret'", because: 'not a Kubernetes object name' },
  { chart: 'api', set: ['database.secretKey=database url'], names: "at '/database/secretKey'", because: 'not a Secret key' },
  { chart: 'ui', set: ['priorityClassName=High'], names: "at '/priorityClassName'", because: 'not a PriorityClass name' },
  { chart: 'ui', set: ['imagePullSecrets[0].name=my_registry'], names: "at '/imagePullSecrets/0/name'", because: 'not a Secret name' },
  { chart: 'backup', set: ['timeZone=Europe/ Paris'], names: "at '/timeZone'", because: 'not a time zone name' },
  { chart: 'backup', set: ['restore.targetSecret=-scratch'], names: "at '/restore/targetSecret'", because: 'a Secret name starting with a dash' },
  { chart: 'ingress', set: ['host=Shop.Example.com'], names: "at '/host'", because: 'upper case in a host name' },
  { chart: 'ingress', set: ['host=shop.*.example.com'], names: "at '/host'", because: 'a wildcard other than the first label' },
  { chart: 'ingress', set: ['tls.certManager.createIssuer.email=ops'], names: "at '/tls/certManager/createIssuer/email'", because: 'not an e-mail address' },
  { chart: 'monitoring', set: ['prometheus.retention=15 days'], names: "at '/prometheus/retention'", because: 'not a Prometheus duration' },
  { chart: 'monitoring', set: ['grafana.admin.existingSecret=Grafana Admin'], names: "at '/grafana/admin/existingSecret'", because: 'not a Secret name' },
  { chart: 'monitoring', set: ['alertmanager.route.group_wait=30 seconds'], names: "at '/alertmanager/route/group_wait'", because: 'not an Alertmanager duration' },
  { chart: 'monitoring', set: ['alertmanager.route.group_by_labels[0]=x'], names: "at '/alertmanager/route': additional properties 'group_by_labels' not allowed", because: 'a route key Alertmanager does not know' },
  { chart: 'backup', set: ['schedule=every day'], names: "at '/schedule'", because: 'not a cron schedule' },
  { chart: 'monitoring', set: ['alertmanager.receivers[0].name=oncall', 'alertmanager.receivers[0].webhook_config[0].url_file=/x'], names: "at '/alertmanager/receivers/0': additional properties 'webhook_config' not allowed", because: 'a misspelt Alertmanager integration' },
  { chart: 'monitoring', set: ['alertmanager.inhibitRules[0].source_matcher[0]=severity=critical'], names: "at '/alertmanager/inhibitRules/0': additional properties 'source_matcher' not allowed", because: 'a misspelt inhibit rule key' },
  { chart: 'monitoring', set: ['alerting.extraRules[0].name=team', 'alerting.extraRules[0].rules[0].alert=TeamDown', 'alerting.extraRules[0].rules[0].expr=up == 0', 'alerting.extraRules[0].rules[0].for=5 minutes'], names: "at '/alerting/extraRules/0/rules/0/for'", because: 'not a Prometheus duration in a rule' },
  { chart: 'backup', set: ['drill.schedule=0 3 * *'], names: "at '/drill/schedule'", because: 'a cron schedule with four fields' },
];

/** Values at the edge of a pattern that Kubernetes (or the tool reading them) accepts. */
const goodValues: { chart: BadValue['chart']; set: string[]; because: string }[] = [
  { chart: 'ingress', set: ['host=*.example.com'], because: 'a wildcard host, as Ingress allows it' },
  { chart: 'ingress', set: ['tls.certManager.createIssuer.email=ops+certs@example.com'], because: 'an e-mail address with a plus' },
  { chart: 'api', set: ['database.existingSecret=balena.database-url', 'database.secretKey=DATABASE_URL.v2'], because: 'dotted Secret name and key' },
  { chart: 'backup', set: ['timeZone=America/Argentina/Buenos_Aires', 'gcs.bucket=balena-backups', 'database.existingSecret=db'], because: 'a three-part time zone name' },
  { chart: 'monitoring', set: ['prometheus.retention=1y2w3d'], because: 'a compound Prometheus duration' },
  { chart: 'monitoring', set: ['alertmanager.receivers[0].name=default', 'alertmanager.receivers[1].name=oncall', 'alertmanager.receivers[1].pagerduty_configs[0].routing_key_file=/etc/alertmanager/secrets/pd/key', 'alertmanager.inhibitRules[0].source_matchers[0]=severity="critical"', 'alertmanager.inhibitRules[0].target_matchers[0]=severity="warning"', 'alertmanager.inhibitRules[0].equal[0]=alertname'], because: 'a PagerDuty receiver by file and an inhibit rule' },
  { chart: 'monitoring', set: ['alertmanager.route.repeat_interval=1h30m', 'alertmanager.route.routes[0].receiver=default', 'alertmanager.route.routes[0].matchers[0]=severity="critical"'], because: 'a compound duration and a child route' },
  { chart: 'backup', set: ['schedule=*/15 2-4 * * MON-FRI', 'drill.schedule=@weekly', 'gcs.bucket=balena-backups', 'database.existingSecret=db'], because: 'cron steps, ranges, day names and a macro' },
];

/** A refusal by the values schema (Helm names the value's path), not by a template's own rule. */
const bySchema = (c: BadValue) => c.names.startsWith("at '/") || c.names.startsWith('additional properties');

/**
 * The schema's refusals go into as few renders as they fit: one per chart,
 * no value set twice in one (Helm reports every value the schema refuses, so
 * each case still finds its own named). A template's rule stops the render
 * at the first broken one, so those cases render alone.
 */
function renderGroups(): BadValue[][] {
  const groups: BadValue[][] = [];
  for (const c of cases) {
    const keys = c.set.map((set) => set.slice(0, set.indexOf('=')));
    const group = bySchema(c) ? groups.find((g) => bySchema(g[0]!) && g[0]!.chart === c.chart && !g.some((other) => other.set.some((set) => keys.includes(set.slice(0, set.indexOf('=')))))) : undefined;
    if (group) group.push(c);
    else groups.push([c]);
  }
  return groups;
}
const groups = renderGroups();

for (const binary of ['helm', 'helm3'] as const) {
  const rejects = suite(`${binary} template rejects invalid values, naming the value`);
  const render = memoize((group: BadValue[]) => templateResult(group[0]!.chart, { set: group.flatMap((c) => c.set), binary, kubeVersion: 'v1.37.2' }));
  for (const c of cases) {
    rejects(`${c.chart}: ${c.set.join(' ')} (${c.because})`, () => {
      const result = render(groups.find((g) => g.includes(c))!);
      assert.is.not(result.code, 0, `helm accepted ${c.set.join(' ')}`);
      assert.ok(result.stderr.includes(c.names), `expected "${c.names}" in:\n${result.stderr}`);
    });
  }
  rejects.run();
}

const accepts = suite('helm template accepts values at the edge of a pattern');
for (const c of goodValues) {
  accepts(`${c.chart}: ${c.set.join(' ')} (${c.because})`, () => {
    const result = templateResult(c.chart, { set: c.set, kubeVersion: 'v1.37.2' });
    assert.is(result.code, 0, result.stderr);
  });
}
accepts.run();
