// Production on GKE, written against the umbrella's generated types.
// `npx balena-charts values environments/production.ts -o environments/production.yaml`
// checks it with the schema Helm uses and writes the values file.
import { defineValues } from '../generator/src/generated/index.js';

const project = 'balena-prod';
const region = 'europe-west1';

export default defineValues('umbrella', {
  global: {
    domain: 'balena.example.com',
    ingressControllerNamespace: 'nginx-ingress',
    storageClass: 'premium-rwo',
    workloadIdentityProject: project,
  },
  ui: {
    autoscaling: { minReplicas: 3, maxReplicas: 12 },
  },
  api: {
    autoscaling: { minReplicas: 3, maxReplicas: 20, targetMemoryUtilizationPercentage: 75 },
    // Each Auth Proxy logs in as its pod's own Google service account (IAM
    // database authentication), so the api and the backup jobs need URLs with
    // different users: one Secret each, not one global.databaseSecret.
    database: { existingSecret: 'balena-database' },
    serviceAccount: {
      annotations: { 'iam.gke.io/gcp-service-account': `balena-api@${project}.iam.gserviceaccount.com` },
    },
    cloudSqlProxy: { enabled: true, instanceConnectionName: `${project}:${region}:balena` },
  },
  monitoring: {
    grafana: { subPath: '/grafana', persistence: { enabled: true } },
    prometheus: { retention: '30d', retentionSize: '45GB', persistence: { size: '50Gi' } },
    alertmanager: {
      route: { receiver: 'oncall', group_by: ['alertname', 'namespace'] },
      // The webhook URL is a credential: it lives in the Secret balena-alertmanager-oncall (key url), made outside Helm.
      secretFiles: ['balena-alertmanager-oncall'],
      receivers: [{ name: 'oncall', webhook_configs: [{ url_file: '/etc/alertmanager/secrets/balena-alertmanager-oncall/url' }] }],
    },
  },
  backup: {
    enabled: true,
    postgresVersion: '17',
    database: { existingSecret: 'balena-backup-database' },
    gcs: { bucket: `${project}-balena-backups` },
    keep: 30,
    serviceAccount: {
      annotations: { 'iam.gke.io/gcp-service-account': `balena-backup@${project}.iam.gserviceaccount.com` },
    },
    cloudSqlProxy: { enabled: true, instanceConnectionName: `${project}:${region}:balena` },
    drill: { enabled: true, scratchSecret: 'balena-drill-database' },
  },
  ingress: {
    ingress: { controller: 'f5' },
    tls: { certManager: { enabled: true, clusterIssuer: 'letsencrypt' } },
  },
});
