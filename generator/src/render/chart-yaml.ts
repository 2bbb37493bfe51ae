import { Document } from 'yaml';
import { kubeVersionRange, type ProjectConfig } from '../project/config.js';
import { isObject, type Json } from '../schema/json-pointer.js';
import type { ChartModel } from '../pipeline/normalize.js';

/** Chart.yaml: apiVersion v2 metadata plus the Artifact Hub annotations. */
export function renderChartYaml(chart: ChartModel, config: ProjectConfig): string {
  const { metadata } = chart;
  const images = listImages(chart.defaults).map((image) => ({ name: image.split('/').pop()?.split(':')[0] ?? image, image }));
  const document = new Document({
    apiVersion: 'v2',
    // The umbrella may be published under the product's name; its folder keeps the schema's.
    name: config.umbrella?.chart === metadata.name ? config.umbrella.publishedName : metadata.name,
    description: metadata.description,
    type: 'application',
    version: metadata.version,
    appVersion: metadata.appVersion,
    kubeVersion: kubeVersionRange(config),
    ...(metadata.keywords ? { keywords: metadata.keywords } : {}),
    ...(metadata.home ?? config.chart.home ? { home: metadata.home ?? config.chart.home } : {}),
    ...(config.chart.maintainers.length > 0 ? { maintainers: config.chart.maintainers } : {}),
    ...(chart.dependencies.length > 0
      ? {
          dependencies: chart.dependencies.map((dependency) => ({
            name: dependency.name,
            version: dependency.version,
            // The generator also copies each subchart into charts/, so no `helm dependency build` is needed.
            repository: `file://../${dependency.name}`,
            condition: `${dependency.name}.enabled`,
          })),
        }
      : {}),
    annotations: {
      'artifacthub.io/license': config.chart.license,
      'artifacthub.io/category': config.chart.category,
      'artifacthub.io/images': images.length > 0 ? new Document(images).toString({ lineWidth: 0 }) : '[]\n',
    },
  });
  document.commentBefore = ` ${chart.banner}`;
  return document.toString({ lineWidth: 0 });
}

/** Every `repository`/`tag` pair in the defaults, so Artifact Hub can list (and scan) the images. */
export function listImages(values: Json): string[] {
  const found: string[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isObject(node)) return;
    if (typeof node.repository === 'string' && typeof node.tag === 'string' && node.tag !== '') {
      const registry = typeof node.registry === 'string' && node.registry !== '' ? `${node.registry}/` : '';
      found.push(`${registry}${node.repository}:${node.tag}`);
    }
    Object.values(node).forEach(visit);
  };
  visit(values);
  return [...new Set(found)];
}
