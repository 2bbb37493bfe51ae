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
if (suites.length === 0) broken.push(`no file under ${dir} matches ${pattern}`);
for (const [index, file] of suites.entries()) {
  uvuGlobals.UVU_INDEX = index;
  queue.push([file.name]);
  try {
    await import(pathToFileURL(file.file).href);
  } catch (error) {
    broken.push(`${file.name}: failed to load: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    continue;
  }
  if (queue[index]!.length === 1) broken.push(`${file.name}: registers no suite`);
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

for (const line of broken) console.log(`  ✘ ${line}`);
console.log(`  Broken:    ${broken.length}\n`);
if (broken.length > 0) process.exitCode = 1;
