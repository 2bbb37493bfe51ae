import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface VersionProblem {
  chart: string;
  message: string;
}

/** a > b for plain semver (major.minor.patch; a pre-release sorts below its release). */
export function semverGreater(a: string, b: string): boolean {
  const split = (v: string) => {
    const [core = '', pre = ''] = v.split('+')[0]?.split(/-(.*)/s) ?? [];
    return { nums: core.split('.').map(Number), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  if (x.pre === y.pre) return false;
  if (x.pre === '') return true;
  if (y.pre === '') return false;
  return x.pre > y.pre;
}

/**
 * The rule chart-testing's version-increment check applies, offline, against
 * the local git history: a chart whose files changed since `from` must carry
 * a greater version than it had there.
 */
export function versionProblems(root: string, from: string): VersionProblem[] {
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const problems: VersionProblem[] = [];
  const charts = readdirSync(path.join(root, 'charts'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const chart of charts) {
    let before: string;
    try {
      before = (parse(git('show', `${from}:charts/${chart}/Chart.yaml`)) as { version: string }).version;
    } catch {
      continue; // the chart is new since `from`
    }
    const changed = git('diff', '--name-only', from, '--', `charts/${chart}`).trim() !== '';
    if (!changed) continue;
    const now = (parse(readFileSync(path.join(root, 'charts', chart, 'Chart.yaml'), 'utf8')) as { version: string }).version;
    if (!semverGreater(now, before)) {
      problems.push({ chart, message: `charts/${chart} changed since ${from} but its version ${now} is not above ${before}: raise x-chart.version in schemas/${chart}.schema.json` });
    }
  }
  return problems;
}
