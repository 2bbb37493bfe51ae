import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ChartModel } from '../pipeline/normalize.js';

/**
 * values.yaml as a document for people: every default, in schema order, each
 * key under its description. Built through the yaml Document API so quoting
 * and indentation stay the library's business.
 */
export function renderValuesYaml(chart: ChartModel): string {
  // YAML 1.1 rules for quoting: Helm reads values with a YAML 1.1 parser, where
  // an unquoted on, yes, off or y is a boolean, not the string the schema says.
  const document = new Document(chart.defaults, { version: '1.1' });
  const descriptions = new Map(chart.values.map((value) => [value.path, value.description]));
  annotate(document.contents, '', descriptions, true);
  document.commentBefore = ` yaml-language-server: $schema=values.schema.json\n ${chart.banner}`;
  return document.toString({ lineWidth: 0 });
}

function annotate(node: Node | null, prefix: string, descriptions: Map<string, string>, topLevel: boolean): void {
  if (isSeq(node)) return;
  if (!isMap(node)) return;
  node.items.forEach((pair, index) => {
    if (!isScalar(pair.key)) return;
    const path = prefix === '' ? String(pair.key.value) : `${prefix}.${String(pair.key.value)}`;
    const description = descriptions.get(path);
    if (description) {
      pair.key.commentBefore = description
        .split('\n')
        .map((line) => ` ${line}`)
        .join('\n');
      // A blank line between top-level groups; none before the first, which follows the banner.
      pair.key.spaceBefore = topLevel && index > 0;
    }
    annotate(pair.value as Node | null, path, descriptions, false);
  });
}
