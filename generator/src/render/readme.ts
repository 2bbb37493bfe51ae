import type { Json } from '../schema/json-pointer.js';
import type { ChartModel } from '../pipeline/normalize.js';

/** The chart's README: what it is, how to install it, and one row per value. */
export function renderReadme(chart: ChartModel): string {
  const rows = chart.values
    .filter((value) => !value.hasChildren)
    .map((value) => `| \`${value.path}\` | ${cell(value.type)} | ${cell(formatDefault(value.default))} | ${cell(value.description)} |`);
  return [
    `<!-- ${chart.banner} -->`,
    `# ${chart.name}`,
    '',
    chart.metadata.description,
    '',
    `Version ${chart.metadata.version}, app version ${chart.metadata.appVersion}.`,
    '',
    '## Install',
    '',
    '```sh',
    `helm install ${chart.name} ./charts/${chart.name}`,
    '```',
    '',
    'Every value is checked against `values.schema.json` on install, upgrade, lint and template.',
    '',
    '## Values',
    '',
    '| Key | Type | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function formatDefault(value: Json | undefined): string {
  return value === undefined ? '' : `\`${JSON.stringify(value)}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}
