import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { immutableChanges, type ImmutableChange, type KubeObject } from './upgrade-gate.js';

export interface UpgradeCheckOptions {
  root: string;
  /** Git revision of the previous release (a tag such as umbrella-0.1.0). */
  from: string;
  chart: string;
  valuesFiles: string[];
  helm: string;
}

/**
 * Renders the chart as it was at `from` and as it is now, with the same
 * values and release name, and lists the changes Kubernetes would refuse.
 */
export function upgradeCheck(options: UpgradeCheckOptions): ImmutableChange[] {
  const previous = mkdtempSync(path.join(tmpdir(), 'balena-upgrade-'));
  try {
    // Through a file, not a pipe into memory: a chart's archive outgrows any fixed buffer.
    const archive = path.join(previous, 'previous.tar');
    execFileSync('git', ['-C', options.root, 'archive', '--output', archive, options.from, `charts/${options.chart}`]);
    execFileSync('tar', ['-x', '-f', archive, '-C', previous]);
    const render = (chartDir: string) =>
      parseAllDocuments(
        execFileSync(options.helm, ['template', 'balena', chartDir, ...options.valuesFiles.flatMap((f) => ['--values', path.resolve(f)])], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        }),
      )
        .map((doc) => doc.toJS() as KubeObject | null)
        .filter((o): o is KubeObject => o !== null && typeof o === 'object');
    return immutableChanges(render(path.join(previous, 'charts', options.chart)), render(path.join(options.root, 'charts', options.chart)));
  } finally {
    rmSync(previous, { recursive: true, force: true });
  }
}
