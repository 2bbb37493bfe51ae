// Runs uvu suites as `uvu DIR PATTERN` does, with honest accounting: a pattern
// that matches no file, a file that fails to load or registers no test, and a
// run that executes no test at all are failures, each printed on a line of its
// own, and counted on a `Broken:` line beside uvu's summary (scripts/test.sh
// adds them up). A test file that throws at import no longer takes the other
// files' results with it: they still run and count.
//
//   node --import tsx scripts/run-suites.ts DIR [PATTERN]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'uvu/parse';

/**
 * CPU seconds used so far by this process and the child processes it has
 * waited for (Helm, kubeconform, ansible, ...), from /proc/self/stat; undefined
 * where there is no /proc. On two cores the suites compete for the CPU, so
 * this says more about a suite's cost than its time does.
 */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || undefined;
  } catch {
    return undefined;
  }
})();
function cpuSeconds(): number | undefined {
  if (ticksPerSecond === undefined) return undefined;
  try {
    // Fields after the command name's closing parenthesis; utime, stime, cutime and cstime are the 12th to 15th.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

type Queue = unknown[][];
const uvuGlobals = globalThis as typeof globalThis & { UVU_DEFER?: number; UVU_INDEX?: number; UVU_QUEUE?: Queue };

const [dir = '.', pattern = '\\.test\\.ts$'] = process.argv.slice(2);
// As uvu's own CLI does: suites queue up instead of running on import.
uvuGlobals.UVU_DEFER = 1;
const uvu = await import('uvu');
const queue = (uvuGlobals.UVU_QUEUE ??= []);
const { suites } = await parse(dir, pattern);

const broken: string[] = [];
const loading = new Map<string, number>();
const loadingCpu = new Map<string, number>();
if (suites.length === 0) broken.push(`no file under ${dir} matches ${pattern}`);
for (const [index, file] of suites.entries()) {
  uvuGlobals.UVU_INDEX = index;
  queue.push([file.name]);
  const start = performance.now();
  const startCpu = cpuSeconds();
  try {
    await import(pathToFileURL(file.file).href);
    loading.set(file.name, (performance.now() - start) / 1000);
    const endCpu = cpuSeconds();
    if (startCpu !== undefined && endCpu !== undefined) loadingCpu.set(file.name, endCpu - startCpu);
  } catch (error) {
    broken.push(`${file.name}: failed to load: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    continue;
  }
  if (queue[index]!.length === 1) broken.push(`${file.name}: registers no suite`);
}

// Each file's share of the run (its import, where some suites do their
// rendering, and its tests), printed after uvu's summary: where the time goes.
const seconds = new Map<string, number>();
const cpu = new Map<string, number>();
for (const group of queue) {
  const name = String(group[0]);
  seconds.set(name, loading.get(name) ?? 0);
  cpu.set(name, loadingCpu.get(name) ?? 0);
  for (let i = 1; i < group.length; i++) {
    const test = group[i] as () => Promise<unknown>;
    group[i] = async () => {
      const start = performance.now();
      const startCpu = cpuSeconds();
      try {
        return await test();
      } finally {
        seconds.set(name, seconds.get(name)! + (performance.now() - start) / 1000);
        const endCpu = cpuSeconds();
        if (startCpu !== undefined && endCpu !== undefined) cpu.set(name, cpu.get(name)! + endCpu - startCpu);
      }
    };
  }
}

// uvu prints "Total: N" itself; read it back to catch a run of zero tests.
let printed = '';
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  printed += String(chunk);
  return write(chunk, ...rest);
}) as typeof process.stdout.write;
await uvu.exec();
process.stdout.write = write;
if (suites.length > 0 && /\n {2}Total: {5}0\n/.test(printed)) broken.push(`no test ran under ${dir} (pattern ${pattern})`);

const cpuColumn = (name: string) => (ticksPerSecond === undefined ? '' : `  cpu ${cpu.get(name)!.toFixed(1).padStart(6)} s`);
for (const [name, time] of [...seconds].sort((a, b) => b[1] - a[1])) console.log(`  time ${time.toFixed(1).padStart(6)} s${cpuColumn(name)}  ${name}`);
for (const line of broken) console.log(`  ✘ ${line}`);
console.log(`  Broken:    ${broken.length}\n`);
if (broken.length > 0) process.exitCode = 1;
