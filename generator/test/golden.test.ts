import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { valuesCases } from './support/cases.js';
import { ROOT, template, ALL_CHARTS } from './support/tools.js';

/**
 * The rendered charts, byte for byte. The files under test/golden/ change only
 * on purpose: `npm run golden:update` rewrites them, and the diff is reviewed
 * in the commit like any other change.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const KUBE_VERSION = 'v1.37.2';

const golden = suite('helm template output matches the golden files');
for (const c of valuesCases(ALL_CHARTS)) {
  const file = path.join(ROOT, 'generator/test/golden', c.chart, `${c.name}.yaml`);
  golden(`${c.chart} (${c.name}) → ${path.relative(ROOT, file)}`, () => {
    const rendered = template(c.chart, { valuesFiles: c.valuesFiles, kubeVersion: KUBE_VERSION }).replace(/\r\n/g, '\n');
    if (UPDATE) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, rendered);
    }
    let want: string;
    try {
      want = readFileSync(file, 'utf8');
    } catch {
      assert.unreachable(`${path.relative(ROOT, file)} is missing; run npm run golden:update and review it`);
      return;
    }
    assert.fixture(rendered, want);
  });
}
golden.run();
