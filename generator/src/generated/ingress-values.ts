/* generated — do not edit: made by balena-charts from schemas/ingress.schema.json; change the schema and run npm run generate */

import type * as Workload from './workload.js';

/**
 * The product's front door: an Ingress or Gateway API HTTPRoutes with HTTPS termination, routing to ui, api and Grafana — never to Prometheus.
 */
export interface IngressValues {
  /**
   * Labels added to every object the chart makes (never to a selector: those cannot change). The chart's own label keys cannot be replaced.
   */
  commonLabels?: Workload.StringMap
  /**
   * Annotations added to every object the chart installs (pods take podAnnotations; helm test pods take neither). An object's own annotations win over these.
   */
  commonAnnotations?: Workload.StringMap
  /**
   * More manifests to install with the chart (e.g. a BackendConfig or an ExternalSecret), as objects or as YAML text; each passes through tpl, so it may use {{ .Release.Name }} and the values.
   */
  extraObjects?: ({
    [k: string]: unknown | undefined
  } | string)[]
  /**
   * Replaces the chart name in resource names.
   */
  nameOverride?: Workload.NameOverride
  /**
   * Replaces the whole release-chart name of resources.
   */
  fullnameOverride?: Workload.FullnameOverride
  /**
   * How traffic gets in: an Ingress (NGINX) or a Gateway API HTTPRoute.
   */
  mode?: ("ingress" | "gateway")
  /**
   * Public host name of the product.
   */
  host?: string
  /**
   * What is routed where: ui, api, Grafana and routes of the team's own. No route may lead to Prometheus.
   */
  routes?: {
    /**
     * The web front end, at / of host.
     */
    ui?: {
      /**
       * Route to the ui.
       */
      enabled?: boolean
      /**
       * Path prefix.
       */
      path?: string
      /**
       * The Service behind this route. Prometheus can never be one: it is internal only.
       */
      service?: {
        /**
         * Service name; empty means <release>-ui (the umbrella's name for it).
         */
        name?: string
        /**
         * Service port.
         */
        port?: number
      }
    }
    /**
     * The API, under a path of host or on a host of its own.
     */
    api?: {
      /**
       * Route to the api.
       */
      enabled?: boolean
      /**
       * The api's own host name (e.g. api.example.com), served at / of it; empty serves it under path on host.
       */
      host?: string
      /**
       * Path prefix of the API when it shares host.
       */
      path?: string
      /**
       * The Service behind this route. Prometheus can never be one: it is internal only.
       */
      service?: {
        /**
         * Service name; empty means <release>-api.
         */
        name?: string
        /**
         * Service port.
         */
        port?: number
      }
    }
    /**
     * Grafana, on its own host or under a path of host.
     */
    grafana?: {
      /**
       * Route to Grafana.
       */
      enabled?: boolean
      /**
       * Grafana's own host name; empty serves it under path on host.
       */
      host?: string
      /**
       * Path prefix when Grafana shares host; must equal the monitoring chart's grafana.subPath.
       */
      path?: string
      /**
       * The Service behind this route. Prometheus can never be one: it is internal only.
       */
      service?: {
        /**
         * Service name; empty means <release>-monitoring-grafana.
         */
        name?: string
        /**
         * Service port.
         */
        port?: number
      }
    }
    /**
     * More routes, each to a Service of the release's namespace: a team's own component on a path of host or on a host of its own. The Service's pods need a NetworkPolicy that lets the ingress controller in (the chart's default-deny keeps everything else out).
     *
     * Items: One route.
     */
    extra?: {
      /**
       * Host name of the route; empty means host.
       */
      host?: string
      /**
       * Path prefix; empty means /.
       */
      path?: string
      /**
       * The Service behind this route, in the release's namespace. Prometheus can never be one: it is internal only.
       */
      service: {
        /**
         * Service name.
         */
        name: string
        /**
         * Service port.
         */
        port: number
      }
    }[]
  }
  /**
   * HTTPS termination.
   */
  tls?: {
    /**
     * Terminate HTTPS (and redirect HTTP to it).
     */
    enabled?: boolean
    /**
     * TLS Secret with the certificate; empty means <fullname>-tls. With cert-manager it is created and renewed for you; without, it must exist.
     */
    secretName?: string
    /**
     * cert-manager issues the certificate.
     */
    certManager?: {
      /**
       * Ask cert-manager for the certificate (cert-manager.io/cluster-issuer annotation).
       */
      enabled?: boolean
      /**
       * ClusterIssuer to use.
       */
      clusterIssuer?: string
      /**
       * Create the ClusterIssuer with that name: ACME (HTTP-01 through this route) for real certificates, or self-signed for development.
       */
      createIssuer?: {
        /**
         * Create the ClusterIssuer.
         */
        enabled?: boolean
        /**
         * acme: a public CA such as Let's Encrypt; selfSigned: a certificate browsers will warn about (development).
         */
        type?: ("acme" | "selfSigned")
        /**
         * Account e-mail the ACME server sends expiry notices to (acme only).
         */
        email?: string
        /**
         * ACME directory URL.
         */
        server?: string
      }
    }
  }
  /**
   * Ingress mode settings.
   */
  ingress?: {
    /**
     * IngressClass of the controller.
     */
    className?: string
    /**
     * Which NGINX controller reads the annotations: community ingress-nginx (nginx.ingress.kubernetes.io/*, retired upstream) or F5 NGINX Ingress Controller (nginx.org/*).
     */
    controller?: ("community" | "f5")
    /**
     * HTTP Strict Transport Security. F5: set per Ingress. Community ingress-nginx: set controller-wide in its ConfigMap (on by default), so these values do not apply.
     */
    hsts?: {
      /**
       * Send Strict-Transport-Security.
       */
      enabled?: boolean
      /**
       * max-age of the header.
       */
      maxAgeSeconds?: number
      /**
       * Add includeSubDomains.
       */
      includeSubdomains?: boolean
    }
    /**
     * Largest request body accepted (e.g. 8m).
     */
    proxyBodySize?: string
    /**
     * Seconds to wait for a response from the backend.
     */
    proxyReadTimeoutSeconds?: number
    /**
     * Seconds to wait while sending a request to the backend.
     */
    proxySendTimeoutSeconds?: number
    /**
     * More annotations for the Ingress.
     */
    annotations?: Workload.StringMap
  }
  /**
   * Gateway API mode settings: HTTPRoutes attach to a Gateway, which terminates TLS on its listener.
   */
  gateway?: {
    /**
     * An existing Gateway to attach to (when the chart does not create one).
     */
    parentRef?: {
      /**
       * Gateway name.
       */
      name?: string
      /**
       * Gateway namespace; empty means the release namespace.
       */
      namespace?: string
      /**
       * Listener the routes attach to; empty attaches to every listener that allows them.
       */
      httpsSectionName?: string
      /**
       * Plain-HTTP listener that gets the redirect-to-HTTPS route; empty adds no redirect route.
       */
      httpSectionName?: string
    }
    /**
     * Create the Gateway, with an HTTPS listener using the TLS Secret and an HTTP listener that redirects.
     */
    create?: {
      /**
       * Create the Gateway.
       */
      enabled?: boolean
      /**
       * GatewayClass, e.g. gke-l7-global-external-managed or gke-l7-regional-external-managed.
       */
      className?: string
      /**
       * Annotations for the Gateway (e.g. networking.gke.io/certmap).
       */
      annotations?: Workload.StringMap
    }
  }
  /**
   * The namespace's default: deny all ingress traffic except what each component's own NetworkPolicy allows.
   */
  networkPolicy?: {
    /**
     * Create the default-deny ingress NetworkPolicy for the release namespace.
     */
    defaultDenyIngress?: boolean
  }
  /**
   * Values Helm shares with every chart of a release (set by a parent chart).
   */
  global?: {
    [k: string]: unknown | undefined
  }
  /**
   * Condition key a parent chart uses to switch this chart on or off.
   */
  enabled?: boolean
}
