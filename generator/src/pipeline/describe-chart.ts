import type { ChartMetadata } from '../schema/chart-metadata.js';
import { composeChart, WORKLOAD_VALUES } from '../schema/compose.js';
import { collectDefaults } from '../schema/defaults.js';
import { collectRules } from '../schema/rules.js';
import { isObject, type JsonObject } from '../schema/json-pointer.js';
import { bundle, indexSchemas } from '../schema/refs.js';
import { chartRefs } from '../schema/subchart-schema.js';
import type { LoadedSchemas, SchemaDocument } from './load.js';
import type { ValidatedChart } from './validate.js';

/** Each chart's main workload gets its values from the shared workload definition first. */
export function composeCharts(loaded: LoadedSchemas): LoadedSchemas {
  const workload = loaded.shared.find((doc) => doc.file === WORKLOAD_VALUES.file);
  return { ...loaded, charts: loaded.charts.map((chart) => composeChart(chart, workload)) };
}

/** What the later stages need of one chart schema (composed, with an `x-chart` object); the checks are validate's. */
export function describeChart(doc: SchemaDocument, index: ReturnType<typeof indexSchemas>): ValidatedChart {
  const schema = doc.json as JsonObject;
  const bundled = bundle(doc, index);
  const defaults = collectDefaults(bundled) ?? {};
  const dependencies = chartRefs(schema).map(([, name]) => name);
  return {
    file: doc.file,
    metadata: schema['x-chart'] as unknown as ChartMetadata,
    bundled,
    dependencies,
    defaults: (isObject(defaults) ? defaults : {}) as JsonObject,
    rules: collectRules(bundled, bundled, [], '', dependencies),
  };
}
