import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { once, ROOT, run, tool, tools, type RunResult } from './support/tools.js';

const TERRAFORM = path.join(ROOT, 'terraform');
// The tools folder's CLI configuration (the google provider from its
// filesystem mirror, scripts/tools.sh), never the user's; no version check.
const TOFU_ENV = { TF_CLI_CONFIG_FILE: path.join(tools(), 'tofu.tfrc'), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };

/** Every module and root: each folder under terraform/ that holds .tf files. */
const CONFIGURATIONS: readonly string[] = (function walk(dir: string): string[] {
  const entries = readdirSync(path.join(TERRAFORM, dir), { withFileTypes: true });
  const here = entries.some((e) => e.isFile() && e.name.endsWith('.tf')) ? [dir] : [];
  return [...here, ...entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).flatMap((e) => walk(path.join(dir, e.name)))];
})('').sort();
const MODULES = CONFIGURATIONS.filter((dir) => dir.startsWith('modules/'));

const fmt = (dir: string): RunResult => run(tool('tofu'), [`-chdir=${dir}`, 'fmt', '-check', '-recursive', '-no-color'], { env: TOFU_ENV });
const tflint = (dir: string): RunResult =>
  run(tool('tflint'), ['--recursive', `--chdir=${dir}`, `--config=${path.join(dir, '.tflint.hcl')}`, '--format=compact', '--minimum-failure-severity=notice', '--no-color']);
const tofu = (dir: string, ...args: string[]): RunResult => run(tool('tofu'), [`-chdir=${dir}`, ...args, '-no-color'], { env: TOFU_ENV });
const init = (dir: string): RunResult => tofu(dir, 'init', '-backend=false', '-input=false');
const validate = (dir: string): RunResult => tofu(dir, 'validate');
const tofuTest = (dir: string): RunResult => tofu(dir, 'test');
const output = (result: RunResult): string => result.stdout + result.stderr;

/** Each run block's result in `tofu test` output ("tests/x.tftest.hcl... pass" heads its runs), by "file: name". */
function runResults(text: string): Map<string, string> {
  const results = new Map<string, string>();
  let file = '';
  for (const line of text.split('\n')) {
    const heading = /^(tests\/\S+\.tftest\.hcl)\.\.\. /.exec(line);
    if (heading) file = heading[1]!;
    const run = /^ {2}run "([a-z0-9_]+)"\.\.\. (\w+)/.exec(line);
    if (run) results.set(`${file}: ${run[1]}`, run[2]!);
  }
  return results;
}

/** The run blocks of a module's test files, as "file: name". */
function runBlocks(module: string): string[] {
  const tests = path.join(TERRAFORM, module, 'tests');
  return readdirSync(tests).filter((f) => f.endsWith('.tftest.hcl')).sort()
    .flatMap((file) => [...readFileSync(path.join(tests, file), 'utf8').matchAll(/^run "([a-z0-9_]+)"/gm)].map((m) => `tests/${file}: ${m[1]}`));
}

/** A scratch copy of terraform/, edited, removed after `body` even when it fails. */
function withCopy(edit: (dir: string) => void, body: (dir: string) => void): void {
  const scratch = mkdtempSync(path.join(tmpdir(), 'balena-terraform-'));
  const dir = path.join(scratch, 'terraform');
  try {
    cpSync(TERRAFORM, dir, { recursive: true });
    edit(dir);
    body(dir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const clean = suite('terraform/: every module and root is formatted and passes TFLint');
clean('there are the five modules and the two roots', () => {
  assert.equal(CONFIGURATIONS, ['bootstrap', 'envs/production', 'modules/cloudsql', 'modules/gke', 'modules/iam', 'modules/network', 'modules/storage']);
});
clean('tofu fmt -check -recursive finds nothing to rewrite (.tf and .tftest.hcl)', () => {
  const result = fmt(TERRAFORM);
  assert.is(result.code, 0, result.stdout + result.stderr);
  assert.is(result.stdout, '');
});
clean("tflint --recursive with the bundled terraform ruleset's every rule finds nothing", () => {
  const result = tflint(TERRAFORM);
  assert.is(result.code, 0, result.stdout + result.stderr);
});
clean('every module has tests for its contract', () => {
  for (const module of MODULES) {
    const tests = readdirSync(path.join(TERRAFORM, module, 'tests')).filter((f) => f.endsWith('.tftest.hcl'));
    assert.ok(tests.length > 0, `${module} has no tests/*.tftest.hcl`);
  }
});
clean.run();

const catches = suite('terraform/: the checks fail on a fault, naming it');
/**
 * One scratch copy with every TFLint fault below planted at once, each in a
 * place of its own, linted by one run (the ruleset plugin starts once): each
 * test then finds its fault named in that run's report.
 */
const TFLINT_FAULTS: ((copy: string) => void)[] = [
  ...CONFIGURATIONS.map((dir) => (copy: string) => appendFileSync(path.join(copy, dir, 'outputs.tf'), '\noutput "undocumented" {\n  value = "x"\n}\n')),
  (copy) => appendFileSync(path.join(copy, 'modules/storage/variables.tf'), '\nvariable "unused" {\n  description = "Nobody reads it."\n  type        = string\n}\n'),
  (copy) => {
    const file = path.join(copy, 'modules/gke/variables.tf');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(variable "labels" \{\n  description = [^\n]*\n)  type        = map\(string\)\n/, '$1'));
  },
  (copy) => {
    const file = path.join(copy, 'modules/iam/versions.tf');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  required_version = ">= 1.7.0"\n', ''));
  },
];
/** TFLint's report on the copy with every fault of TFLINT_FAULTS. */
const plantedLint = once((): RunResult => {
  let result: RunResult | undefined;
  withCopy((copy) => TFLINT_FAULTS.forEach((plant) => plant(copy)), (copy) => (result = tflint(copy)));
  return result!;
});
for (const dir of CONFIGURATIONS) {
  catches(`tflint reads ${dir}: an undocumented output there is reported`, () => {
    const result = plantedLint();
    assert.is(result.code, 2, result.stdout);
    assert.match(result.stdout, new RegExp(`(^|/)${dir}/outputs\\.tf:\\d+:\\d+: Notice - \`undocumented\` output has no description \\(terraform_documented_outputs\\)$`, 'm'));
  });
}
catches('an unused variable is reported (terraform_unused_declarations)', () => {
  const result = plantedLint();
  assert.is(result.code, 2);
  assert.match(result.stdout, /modules\/storage\/variables\.tf:\d+:1: Warning - variable "unused" is declared but not used \(terraform_unused_declarations\)/);
});
catches('an untyped variable is reported (terraform_typed_variables)', () => {
  const result = plantedLint();
  assert.is(result.code, 2);
  assert.match(result.stdout, /modules\/gke\/variables\.tf:\d+:\d+: Warning - `labels` variable has no type \(terraform_typed_variables\)/);
});
catches('a module without required_version is reported (terraform_required_version)', () => {
  const result = plantedLint();
  assert.is(result.code, 2);
  assert.match(result.stdout, /modules\/iam\/versions\.tf:\d+:\d+: Warning - terraform "required_version" attribute is required \(terraform_required_version\)/);
});
catches('a badly formatted line is reported by tofu fmt -check, naming the file', () => {
  withCopy(
    (copy) => {
      const file = path.join(copy, 'envs/production/main.tf');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  source = "../../modules/network"', '  source    =   "../../modules/network"'));
    },
    (copy) => {
      const result = fmt(copy);
      assert.is(result.code, 3, result.stderr);
      assert.is(result.stdout.trim(), path.join('envs', 'production', 'main.tf'));
    },
  );
});
catches('a badly formatted test file is reported too', () => {
  withCopy(
    (copy) => {
      const file = path.join(copy, 'modules/cloudsql/tests/instance.tftest.hcl');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  command = plan', '  command     = plan'));
    },
    (copy) => {
      const result = fmt(copy);
      assert.is(result.code, 3);
      assert.is(result.stdout.trim(), path.join('modules', 'cloudsql', 'tests', 'instance.tftest.hcl'));
    },
  );
});
catches.run();

// With the google provider: every configuration initialises and validates
// (resource arguments checked against the provider's schema), and every run
// block of every module's tests plans against `mock_provider "google"` and
// its assertions hold. All in a scratch copy: init writes .terraform/ and a
// lock file whose hashes belong to this build, not to the registry's release.
const real = suite('terraform/: tofu validate and tofu test with the google provider');
let copy = '';
real.before(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'balena-terraform-'));
  cpSync(TERRAFORM, path.join(copy, 'terraform'), { recursive: true });
});
real.after(() => rmSync(copy, { recursive: true, force: true }));
for (const dir of CONFIGURATIONS) {
  real(`${dir}: tofu init -backend=false and tofu validate`, () => {
    const where = path.join(copy, 'terraform', dir);
    const initialised = init(where);
    assert.is(initialised.code, 0, output(initialised));
    assert.match(initialised.stdout, /Installing hashicorp\/google v7\.\d+\.\d+/);
    const validated = validate(where);
    assert.is(validated.code, 0, output(validated));
    assert.match(validated.stdout, 'Success! The configuration is valid.');
  });
}
for (const module of MODULES) {
  real(`${module}: tofu test runs every run block, and each passes`, () => {
    const result = tofuTest(path.join(copy, 'terraform', module));
    const blocks = runBlocks(module);
    assert.ok(blocks.length > 0, `${module} has no run block`);
    assert.is(result.code, 0, output(result));
    const results = runResults(output(result));
    for (const block of blocks) assert.is(results.get(block), 'pass', `${block}: ${results.get(block) ?? 'never ran'}`);
    assert.match(output(result), `Success! ${blocks.length} passed, 0 failed.`);
    console.log(`    ${module}: ${blocks.length} run blocks passed`);
  });
}
real.run();

/** A scratch copy of one module with `edit` applied, initialised unless the edit breaks init itself. */
function withModule(module: string, edit: (dir: string) => void, body: (dir: string) => void, initialise = true): void {
  withCopy(
    (dir) => edit(path.join(dir, module)),
    (dir) => {
      const where = path.join(dir, module);
      if (initialise) {
        const initialised = init(where);
        assert.is(initialised.code, 0, output(initialised));
      }
      body(where);
    },
  );
}
const replaceIn = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
};

const planted = suite('terraform/: planted faults fail tofu validate or tofu test, naming them');
planted('a misspelt resource argument fails validate (Unsupported argument, with file and line)', () => {
  withModule('modules/storage', (dir) => replaceIn(path.join(dir, 'main.tf'), 'uniform_bucket_level_access', 'uniform_bucket_level_acess'), (dir) => {
    const result = validate(dir);
    assert.is(result.code, 1);
    assert.match(output(result), /Error: Unsupported argument\n\n {2}on main\.tf line \d+, in resource "google_storage_bucket" "this":/);
    assert.match(output(result), 'An argument named "uniform_bucket_level_acess" is not expected here.');
  });
});
planted('a value of the wrong type fails validate (a bool argument given a word)', () => {
  withModule('modules/gke', (dir) => replaceIn(path.join(dir, 'main.tf'), 'enable_shielded_nodes = true', 'enable_shielded_nodes = "sometimes"'), (dir) => {
    const result = validate(dir);
    assert.is(result.code, 1);
    assert.match(output(result), /Error: Incorrect attribute value type\n\n {2}on main\.tf line \d+, in resource "google_container_cluster" "this":/);
  });
});
planted('a broken contract fails tofu test with the assertion\'s message (a bucket open to public access)', () => {
  withModule('modules/storage', (dir) => replaceIn(path.join(dir, 'main.tf'), 'public_access_prevention    = "enforced"', 'public_access_prevention    = "inherited"'), (dir) => {
    const result = tofuTest(dir);
    assert.is(result.code, 1);
    assert.match(output(result), 'run "bucket_is_versioned_private_and_expires_old_objects"... fail');
    assert.match(output(result), 'access must be IAM only and never public');
    assert.match(output(result), 'Failure! 2 passed, 1 failed.');
  });
});
planted('a misspelt argument in a test file fails init and tofu test before any plan', () => {
  withModule('modules/storage', (dir) => replaceIn(path.join(dir, 'tests/bucket.tftest.hcl'), '  command = plan', '  comand = plan'), (dir) => {
    for (const result of [init(dir), tofuTest(dir)]) {
      assert.is(result.code, 1);
      assert.match(output(result), /Error: Unsupported argument\n\n {2}on tests\/bucket\.tftest\.hcl line \d+, in run "bucket_is_versioned_private_and_expires_old_objects":/);
    }
  }, false);
});
planted.run();
