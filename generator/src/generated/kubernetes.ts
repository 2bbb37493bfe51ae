/* generated — do not edit: made by balena-charts from schemas/defs/kubernetes.schema.json; change the schema and run npm run generate */

export type KubernetesType = (HPAScalingPolicy | HPAScalingRules | HorizontalPodAutoscalerBehavior | AWSElasticBlockStoreVolumeSource | Affinity | AppArmorProfile | AzureDiskVolumeSource | AzureFileVolumeSource | CSIVolumeSource | Capabilities | CephFSVolumeSource | CinderVolumeSource | ClusterTrustBundleProjection | ConfigMapEnvSource | ConfigMapKeySelector | ConfigMapProjection | ConfigMapVolumeSource | Container | ContainerPort | ContainerResizePolicy | ContainerRestartRule | ContainerRestartRuleOnExitCodes | DownwardAPIProjection | DownwardAPIVolumeFile | DownwardAPIVolumeSource | EmptyDirVolumeSource | EnvFromSource | EnvVar | EnvVarSource | EphemeralVolumeSource | ExecAction | FCVolumeSource | FileKeySelector | FlexVolumeSource | FlockerVolumeSource | GCEPersistentDiskVolumeSource | GRPCAction | GitRepoVolumeSource | GlusterfsVolumeSource | HTTPGetAction | HTTPHeader | HostPathVolumeSource | ISCSIVolumeSource | ImageVolumeSource | KeyToPath | Lifecycle | LifecycleHandler | LocalObjectReference | NFSVolumeSource | NodeAffinity | NodeSelector | NodeSelectorRequirement | NodeSelectorTerm | ObjectFieldSelector | PersistentVolumeClaimSpec | PersistentVolumeClaimTemplate | PersistentVolumeClaimVolumeSource | PhotonPersistentDiskVolumeSource | PodAffinity | PodAffinityTerm | PodAntiAffinity | PodCertificateProjection | PodSecurityContext | PortworxVolumeSource | PreferredSchedulingTerm | Probe | ProjectedVolumeSource | QuobyteVolumeSource | RBDVolumeSource | ResourceClaim | ResourceFieldSelector | ResourceRequirements | SELinuxOptions | ScaleIOVolumeSource | SeccompProfile | SecretEnvSource | SecretKeySelector | SecretProjection | SecretVolumeSource | SecurityContext | ServiceAccountTokenProjection | SleepAction | StorageOSVolumeSource | Sysctl | TCPSocketAction | Toleration | TopologySpreadConstraint | TypedLocalObjectReference | TypedObjectReference | Volume | VolumeDevice | VolumeMount | VolumeProjection | VolumeResourceRequirements | VsphereVirtualDiskVolumeSource | WeightedPodAffinityTerm | WindowsSecurityContextOptions | IPBlock | NetworkPolicyIngressRule | NetworkPolicyPeer | NetworkPolicyPort | PolicyRule | Quantity | FieldsV1 | LabelSelector | LabelSelectorRequirement | ManagedFieldsEntry | ObjectMeta | OwnerReference | Time | IntOrString)
export type Quantity = (string | number)
export type IntOrString = (string | number)
export type Time = string

export interface HPAScalingPolicy {
  periodSeconds: number
  type: string
  value: number
}
export interface HPAScalingRules {
  policies?: HPAScalingPolicy[]
  selectPolicy?: string
  stabilizationWindowSeconds?: number
  tolerance?: Quantity
}
export interface HorizontalPodAutoscalerBehavior {
  scaleDown?: HPAScalingRules
  scaleUp?: HPAScalingRules
}
export interface AWSElasticBlockStoreVolumeSource {
  fsType?: string
  partition?: number
  readOnly?: boolean
  volumeID: string
}
export interface Affinity {
  nodeAffinity?: NodeAffinity
  podAffinity?: PodAffinity
  podAntiAffinity?: PodAntiAffinity
}
export interface NodeAffinity {
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[]
  requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector
}
export interface PreferredSchedulingTerm {
  preference: NodeSelectorTerm
  weight: number
}
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[]
  matchFields?: NodeSelectorRequirement[]
}
export interface NodeSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}
export interface NodeSelector {
  nodeSelectorTerms: NodeSelectorTerm[]
}
export interface PodAffinity {
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[]
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[]
}
export interface WeightedPodAffinityTerm {
  podAffinityTerm: PodAffinityTerm
  weight: number
}
export interface PodAffinityTerm {
  labelSelector?: LabelSelector
  matchLabelKeys?: string[]
  mismatchLabelKeys?: string[]
  namespaceSelector?: LabelSelector
  namespaces?: string[]
  topologyKey: string
}
export interface LabelSelector {
  matchExpressions?: LabelSelectorRequirement[]
  matchLabels?: {
    [k: string]: string | undefined
  }
}
export interface LabelSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}
export interface PodAntiAffinity {
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[]
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[]
}
export interface AppArmorProfile {
  localhostProfile?: string
  type: string
}
export interface AzureDiskVolumeSource {
  cachingMode?: string
  diskName: string
  diskURI: string
  fsType?: string
  kind?: string
  readOnly?: boolean
}
export interface AzureFileVolumeSource {
  readOnly?: boolean
  secretName: string
  shareName: string
}
export interface CSIVolumeSource {
  driver: string
  fsType?: string
  nodePublishSecretRef?: LocalObjectReference
  readOnly?: boolean
  volumeAttributes?: {
    [k: string]: string | undefined
  }
}
export interface LocalObjectReference {
  name?: string
}
export interface Capabilities {
  add?: string[]
  drop?: string[]
}
export interface CephFSVolumeSource {
  monitors: string[]
  path?: string
  readOnly?: boolean
  secretFile?: string
  secretRef?: LocalObjectReference
  user?: string
}
export interface CinderVolumeSource {
  fsType?: string
  readOnly?: boolean
  secretRef?: LocalObjectReference
  volumeID: string
}
export interface ClusterTrustBundleProjection {
  labelSelector?: LabelSelector
  name?: string
  optional?: boolean
  path: string
  signerName?: string
  user?: number
}
export interface ConfigMapEnvSource {
  name?: string
  optional?: boolean
}
export interface ConfigMapKeySelector {
  key: string
  name?: string
  optional?: boolean
}
export interface ConfigMapProjection {
  items?: KeyToPath[]
  name?: string
  optional?: boolean
}
export interface KeyToPath {
  key: string
  mode?: number
  path: string
  user?: number
}
export interface ConfigMapVolumeSource {
  defaultMode?: number
  defaultUser?: number
  items?: KeyToPath[]
  name?: string
  optional?: boolean
}
export interface Container {
  args?: string[]
  command?: string[]
  env?: EnvVar[]
  envFrom?: EnvFromSource[]
  image?: string
  imagePullPolicy?: string
  lifecycle?: Lifecycle
  livenessProbe?: Probe
  name: string
  ports?: ContainerPort[]
  readinessProbe?: Probe
  resizePolicy?: ContainerResizePolicy[]
  resources?: ResourceRequirements
  restartPolicy?: string
  restartPolicyRules?: ContainerRestartRule[]
  securityContext?: SecurityContext
  startupProbe?: Probe
  stdin?: boolean
  stdinOnce?: boolean
  terminationMessagePath?: string
  terminationMessagePolicy?: string
  tty?: boolean
  volumeDevices?: VolumeDevice[]
  volumeMounts?: VolumeMount[]
  workingDir?: string
}
export interface EnvVar {
  name: string
  value?: string
  valueFrom?: EnvVarSource
}
export interface EnvVarSource {
  configMapKeyRef?: ConfigMapKeySelector
  fieldRef?: ObjectFieldSelector
  fileKeyRef?: FileKeySelector
  resourceFieldRef?: ResourceFieldSelector
  secretKeyRef?: SecretKeySelector
}
export interface ObjectFieldSelector {
  apiVersion?: string
  fieldPath: string
}
export interface FileKeySelector {
  key: string
  optional?: boolean
  path: string
  volumeName: string
}
export interface ResourceFieldSelector {
  containerName?: string
  divisor?: Quantity
  resource: string
}
export interface SecretKeySelector {
  key: string
  name?: string
  optional?: boolean
}
export interface EnvFromSource {
  configMapRef?: ConfigMapEnvSource
  prefix?: string
  secretRef?: SecretEnvSource
}
export interface SecretEnvSource {
  name?: string
  optional?: boolean
}
export interface Lifecycle {
  postStart?: LifecycleHandler
  preStop?: LifecycleHandler
  stopSignal?: string
}
export interface LifecycleHandler {
  exec?: ExecAction
  httpGet?: HTTPGetAction
  sleep?: SleepAction
  tcpSocket?: TCPSocketAction
}
export interface ExecAction {
  command?: string[]
}
export interface HTTPGetAction {
  host?: string
  httpHeaders?: HTTPHeader[]
  path?: string
  port: IntOrString
  protocol?: string
  scheme?: string
}
export interface HTTPHeader {
  name: string
  value: string
}
export interface SleepAction {
  seconds: number
}
export interface TCPSocketAction {
  host?: string
  port: IntOrString
}
export interface Probe {
  exec?: ExecAction
  failureThreshold?: number
  grpc?: GRPCAction
  httpGet?: HTTPGetAction
  initialDelaySeconds?: number
  periodSeconds?: number
  successThreshold?: number
  tcpSocket?: TCPSocketAction
  terminationGracePeriodSeconds?: number
  timeoutSeconds?: number
}
export interface GRPCAction {
  mode?: string
  port: number
  service?: string
}
export interface ContainerPort {
  containerPort: number
  hostIP?: string
  hostPort?: number
  name?: string
  protocol?: string
}
export interface ContainerResizePolicy {
  resourceName: string
  restartPolicy: string
}
export interface ResourceRequirements {
  claims?: ResourceClaim[]
  limits?: {
    [k: string]: Quantity | undefined
  }
  requests?: {
    [k: string]: Quantity | undefined
  }
}
export interface ResourceClaim {
  name: string
  request?: string
}
export interface ContainerRestartRule {
  action: string
  exitCodes?: ContainerRestartRuleOnExitCodes
}
export interface ContainerRestartRuleOnExitCodes {
  operator: string
  values?: number[]
}
export interface SecurityContext {
  allowPrivilegeEscalation?: boolean
  appArmorProfile?: AppArmorProfile
  capabilities?: Capabilities
  privileged?: boolean
  procMount?: string
  readOnlyRootFilesystem?: boolean
  runAsGroup?: number
  runAsNonRoot?: boolean
  runAsUser?: number
  seLinuxOptions?: SELinuxOptions
  seccompProfile?: SeccompProfile
  windowsOptions?: WindowsSecurityContextOptions
}
export interface SELinuxOptions {
  level?: string
  role?: string
  type?: string
  user?: string
}
export interface SeccompProfile {
  localhostProfile?: string
  type: string
}
export interface WindowsSecurityContextOptions {
  gmsaCredentialSpec?: string
  gmsaCredentialSpecName?: string
  hostProcess?: boolean
  runAsUserName?: string
}
export interface VolumeDevice {
  devicePath: string
  name: string
}
export interface VolumeMount {
  bindMountOptions?: string[]
  mountPath: string
  mountPropagation?: string
  name: string
  readOnly?: boolean
  recursiveReadOnly?: string
  subPath?: string
  subPathExpr?: string
}
export interface DownwardAPIProjection {
  items?: DownwardAPIVolumeFile[]
}
export interface DownwardAPIVolumeFile {
  fieldRef?: ObjectFieldSelector
  mode?: number
  path: string
  resourceFieldRef?: ResourceFieldSelector
  user?: number
}
export interface DownwardAPIVolumeSource {
  defaultMode?: number
  defaultUser?: number
  items?: DownwardAPIVolumeFile[]
}
export interface EmptyDirVolumeSource {
  medium?: string
  mode?: number
  sizeLimit?: Quantity
}
export interface EphemeralVolumeSource {
  volumeClaimTemplate?: PersistentVolumeClaimTemplate
}
export interface PersistentVolumeClaimTemplate {
  metadata?: ObjectMeta
  spec: PersistentVolumeClaimSpec
}
export interface ObjectMeta {
  annotations?: {
    [k: string]: string | undefined
  }
  creationTimestamp?: Time
  deletionGracePeriodSeconds?: number
  deletionTimestamp?: Time
  finalizers?: string[]
  generateName?: string
  generation?: number
  labels?: {
    [k: string]: string | undefined
  }
  managedFields?: ManagedFieldsEntry[]
  name?: string
  namespace?: string
  ownerReferences?: OwnerReference[]
  resourceVersion?: string
  selfLink?: string
  uid?: string
}
export interface ManagedFieldsEntry {
  apiVersion?: string
  fieldsType?: string
  fieldsV1?: FieldsV1
  manager?: string
  operation?: string
  subresource?: string
  time?: Time
}
export interface FieldsV1 {
  [k: string]: unknown | undefined
}
export interface OwnerReference {
  apiVersion: string
  blockOwnerDeletion?: boolean
  controller?: boolean
  kind: string
  name: string
  uid: string
}
export interface PersistentVolumeClaimSpec {
  accessModes?: string[]
  dataSource?: TypedLocalObjectReference
  dataSourceRef?: TypedObjectReference
  resources?: VolumeResourceRequirements
  selector?: LabelSelector
  storageClassName?: string
  volumeAttributesClassName?: string
  volumeMode?: string
  volumeName?: string
}
export interface TypedLocalObjectReference {
  apiGroup?: string
  kind: string
  name: string
}
export interface TypedObjectReference {
  apiGroup?: string
  kind: string
  name: string
  namespace?: string
}
export interface VolumeResourceRequirements {
  limits?: {
    [k: string]: Quantity | undefined
  }
  requests?: {
    [k: string]: Quantity | undefined
  }
}
export interface FCVolumeSource {
  fsType?: string
  lun?: number
  readOnly?: boolean
  targetWWNs?: string[]
  wwids?: string[]
}
export interface FlexVolumeSource {
  driver: string
  fsType?: string
  options?: {
    [k: string]: string | undefined
  }
  readOnly?: boolean
  secretRef?: LocalObjectReference
}
export interface FlockerVolumeSource {
  datasetName?: string
  datasetUUID?: string
}
export interface GCEPersistentDiskVolumeSource {
  fsType?: string
  partition?: number
  pdName: string
  readOnly?: boolean
}
export interface GitRepoVolumeSource {
  directory?: string
  repository: string
  revision?: string
}
export interface GlusterfsVolumeSource {
  endpoints: string
  path: string
  readOnly?: boolean
}
export interface HostPathVolumeSource {
  path: string
  type?: string
}
export interface ISCSIVolumeSource {
  chapAuthDiscovery?: boolean
  chapAuthSession?: boolean
  fsType?: string
  initiatorName?: string
  iqn: string
  iscsiInterface?: string
  lun: number
  portals?: string[]
  readOnly?: boolean
  secretRef?: LocalObjectReference
  targetPortal: string
}
export interface ImageVolumeSource {
  pullPolicy?: string
  reference?: string
}
export interface NFSVolumeSource {
  path: string
  readOnly?: boolean
  server: string
}
export interface PersistentVolumeClaimVolumeSource {
  claimName: string
  readOnly?: boolean
}
export interface PhotonPersistentDiskVolumeSource {
  fsType?: string
  pdID: string
}
export interface PodCertificateProjection {
  certificateChainPath?: string
  credentialBundlePath?: string
  keyPath?: string
  keyType: string
  maxExpirationSeconds?: number
  signerName: string
  user?: number
  userAnnotations?: {
    [k: string]: string | undefined
  }
}
export interface PodSecurityContext {
  appArmorProfile?: AppArmorProfile
  fsGroup?: number
  fsGroupChangePolicy?: string
  runAsGroup?: number
  runAsNonRoot?: boolean
  runAsUser?: number
  seLinuxChangePolicy?: string
  seLinuxOptions?: SELinuxOptions
  seccompProfile?: SeccompProfile
  supplementalGroups?: number[]
  supplementalGroupsPolicy?: string
  sysctls?: Sysctl[]
  windowsOptions?: WindowsSecurityContextOptions
}
export interface Sysctl {
  name: string
  value: string
}
export interface PortworxVolumeSource {
  fsType?: string
  readOnly?: boolean
  volumeID: string
}
export interface ProjectedVolumeSource {
  defaultMode?: number
  defaultUser?: number
  sources?: VolumeProjection[]
}
export interface VolumeProjection {
  clusterTrustBundle?: ClusterTrustBundleProjection
  configMap?: ConfigMapProjection
  downwardAPI?: DownwardAPIProjection
  podCertificate?: PodCertificateProjection
  secret?: SecretProjection
  serviceAccountToken?: ServiceAccountTokenProjection
}
export interface SecretProjection {
  items?: KeyToPath[]
  name?: string
  optional?: boolean
}
export interface ServiceAccountTokenProjection {
  audience?: string
  expirationSeconds?: number
  path: string
  user?: number
}
export interface QuobyteVolumeSource {
  group?: string
  readOnly?: boolean
  registry: string
  tenant?: string
  user?: string
  volume: string
}
export interface RBDVolumeSource {
  fsType?: string
  image: string
  keyring?: string
  monitors: string[]
  pool?: string
  readOnly?: boolean
  secretRef?: LocalObjectReference
  user?: string
}
export interface ScaleIOVolumeSource {
  fsType?: string
  gateway: string
  protectionDomain?: string
  readOnly?: boolean
  secretRef: LocalObjectReference
  sslEnabled?: boolean
  storageMode?: string
  storagePool?: string
  system: string
  volumeName?: string
}
export interface SecretVolumeSource {
  defaultMode?: number
  defaultUser?: number
  items?: KeyToPath[]
  optional?: boolean
  secretName?: string
}
export interface StorageOSVolumeSource {
  fsType?: string
  readOnly?: boolean
  secretRef?: LocalObjectReference
  volumeName?: string
  volumeNamespace?: string
}
export interface Toleration {
  effect?: string
  key?: string
  operator?: string
  tolerationSeconds?: number
  value?: string
}
export interface TopologySpreadConstraint {
  labelSelector?: LabelSelector
  matchLabelKeys?: string[]
  maxSkew: number
  minDomains?: number
  nodeAffinityPolicy?: string
  nodeTaintsPolicy?: string
  topologyKey: string
  whenUnsatisfiable: string
}
export interface Volume {
  awsElasticBlockStore?: AWSElasticBlockStoreVolumeSource
  azureDisk?: AzureDiskVolumeSource
  azureFile?: AzureFileVolumeSource
  cephfs?: CephFSVolumeSource
  cinder?: CinderVolumeSource
  configMap?: ConfigMapVolumeSource
  csi?: CSIVolumeSource
  downwardAPI?: DownwardAPIVolumeSource
  emptyDir?: EmptyDirVolumeSource
  ephemeral?: EphemeralVolumeSource
  fc?: FCVolumeSource
  flexVolume?: FlexVolumeSource
  flocker?: FlockerVolumeSource
  gcePersistentDisk?: GCEPersistentDiskVolumeSource
  gitRepo?: GitRepoVolumeSource
  glusterfs?: GlusterfsVolumeSource
  hostPath?: HostPathVolumeSource
  image?: ImageVolumeSource
  iscsi?: ISCSIVolumeSource
  name: string
  nfs?: NFSVolumeSource
  persistentVolumeClaim?: PersistentVolumeClaimVolumeSource
  photonPersistentDisk?: PhotonPersistentDiskVolumeSource
  portworxVolume?: PortworxVolumeSource
  projected?: ProjectedVolumeSource
  quobyte?: QuobyteVolumeSource
  rbd?: RBDVolumeSource
  scaleIO?: ScaleIOVolumeSource
  secret?: SecretVolumeSource
  storageos?: StorageOSVolumeSource
  vsphereVolume?: VsphereVirtualDiskVolumeSource
}
export interface VsphereVirtualDiskVolumeSource {
  fsType?: string
  storagePolicyID?: string
  storagePolicyName?: string
  volumePath: string
}
export interface IPBlock {
  cidr: string
  except?: string[]
}
export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[]
  ports?: NetworkPolicyPort[]
}
export interface NetworkPolicyPeer {
  ipBlock?: IPBlock
  namespaceSelector?: LabelSelector
  podSelector?: LabelSelector
}
export interface NetworkPolicyPort {
  endPort?: number
  port?: IntOrString
  protocol?: string
}
export interface PolicyRule {
  apiGroups?: string[]
  nonResourceURLs?: string[]
  resourceNames?: string[]
  resources?: string[]
  verbs: string[]
}
