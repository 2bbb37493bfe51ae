import { Document, isMap, isScalar, type Node } from 'yaml';
import type { Json, JsonObject } from '../schema/json-pointer.js';
import type { ValueDoc } from '../schema/defaults.js';

/**
 * Top-level groups of values.yaml already rendered in this run, by their key,
 * defaults and descriptions: most charts carry the shared workload
 * definition's groups with the same defaults, and the yaml library builds a
 * node tree for each before it writes a line.
 */
export type RenderedGroups = Map<string, string>;

/** What values.yaml is made from: a chart's defaults, its values' descriptions and its banner line. */
export interface ValuesYamlSource {
  defaults: JsonObject;
  values: readonly Pick<ValueDoc, 'path' | 'description'>[];
  banner: string;
}

/** The first line, which points editors at the schema beside the file. */
const SCHEMA_LINE = '# yaml-language-server: $schema=values.schema.json\n';

/**
 * values.yaml as a document for people: every default, in schema order, each
 * key under its description. Built through the yaml Document API so quoting
 * and indentation stay the library's business; each top-level group is a
 * document of its own, which writes the same lines as the whole would.
 */
export function renderValuesYaml(chart: ValuesYamlSource, groups: RenderedGroups = new Map()): string {
  const descriptions = new Map(chart.values.map((value) => [value.path, value.description]));
  const described = [...descriptions];
  const entries = Object.entries(chart.defaults);
  // The banner is followed by a blank line, as the yaml library writes a document's comment.
  let text = `${SCHEMA_LINE}# ${chart.banner}\n\n`;
  if (entries.length === 0) return `${text}${yamlDocument({}).toString()}`;
  entries.forEach(([key, value], index) => {
    const own = described.filter(([path]) => path === key || path.startsWith(`${key}.`));
    const memo = JSON.stringify([key, value, own]);
    let group = groups.get(memo);
    if (group === undefined) {
      const document = yamlDocument({ [key]: value });
      annotate(document.contents, '', new Map(own));
      group = document.toString({ lineWidth: 0 });
      groups.set(memo, group);
    }
    // A blank line between described top-level groups; none before the first, which follows the banner.
    text += index > 0 && Boolean(descriptions.get(key)) ? `\n${group}` : group;
  });
  return text;
}

function yamlDocument(value: Json): Document {
  // YAML 1.1 rules for quoting: Helm reads values with a YAML 1.1 parser, where
  // an unquoted on, yes, off or y is a boolean, not the string the schema says.
  return new Document(value, { version: '1.1' });
}

/** Each described key's description as the comment lines above it, at every level. */
function annotate(node: Node | null, prefix: string, descriptions: Map<string, string>): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const path = prefix === '' ? String(pair.key.value) : `${prefix}.${String(pair.key.value)}`;
    const description = descriptions.get(path);
    if (description) {
      pair.key.commentBefore = description
        .split('\n')
        .map((line) => ` ${line}`)
        .join('\n');
    }
    annotate(pair.value as Node | null, path, descriptions);
  }
}
