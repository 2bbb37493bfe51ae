// Runs uvu suites as `uvu DIR PATTERN` does, with honest accounting: a pattern
// that matches no file, a file that fails to load or registers no test, and a
// run that executes no test at all are failures, each printed on a line of its
// own, and counted on a `Broken:` line beside uvu's summary (scripts/test.sh
// adds them up). A test file that throws at import no longer takes the other
// files' results with it: they still run and count.
//
//   node --import tsx scripts/run-suites.ts DIR [PATTERN]
import { pathToFileURL } from 'node:url';
import { parse } from 'uvu/parse';

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
if (suites.length === 0) broken.push(`no file under ${dir} matches ${pattern}`);
for (const [index, file] of suites.entries()) {
  uvuGlobals.UVU_INDEX = index;
  queue.push([file.name]);
  const start = performance.now();
  try {
    await import(pathToFileURL(file.file).href);
    loading.set(file.name, (performance.now() - start) / 1000);
  } catch (error) {
    broken.push(`${file.name}: failed to load: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    continue;
  }
  if (queue[index]!.length === 1) broken.push(`${file.name}: registers no suite`);
}

// Each file's share of the run (its import, where some suites do their
// rendering, and its tests), printed after uvu's summary: where the time goes.
const seconds = new Map<string, number>();
for (const group of queue) {
  const name = String(group[0]);
  seconds.set(name, loading.get(name) ?? 0);
  for (let i = 1; i < group.length; i++) {
    const test = group[i] as () => Promise<unknown>;
    group[i] = async () => {
      const start = performance.now();
      try {
        return await test();
      } finally {
        seconds.set(name, seconds.get(name)! + (performance.now() - start) / 1000);
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

for (const [name, time] of [...seconds].sort((a, b) => b[1] - a[1])) console.log(`  time ${time.toFixed(1).padStart(6)} s  ${name}`);
for (const line of broken) console.log(`  ✘ ${line}`);
console.log(`  Broken:    ${broken.length}\n`);
if (broken.length > 0) process.exitCode = 1;
