import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, run, tool, type RunResult } from './support/tools.js';

const TERRAFORM = path.join(ROOT, 'terraform');
// No CLI config from the environment, no version check over the network.
const TOFU_ENV = { TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };

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
const tofuTest = (dir: string): RunResult => run(tool('tofu'), [`-chdir=${dir}`, 'test', '-no-color'], { env: TOFU_ENV });

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
for (const dir of CONFIGURATIONS) {
  catches(`tflint reads ${dir}: an undocumented output there is reported`, () => {
    withCopy(
      (copy) => appendFileSync(path.join(copy, dir, 'outputs.tf'), '\noutput "undocumented" {\n  value = "x"\n}\n'),
      (copy) => {
        const result = tflint(copy);
        assert.is(result.code, 2, result.stdout);
        assert.match(result.stdout, `${dir}/outputs.tf:`);
        assert.match(result.stdout, '`undocumented` output has no description (terraform_documented_outputs)');
      },
    );
  });
}
catches('an unused variable is reported (terraform_unused_declarations)', () => {
  withCopy(
    (copy) => appendFileSync(path.join(copy, 'modules/storage/variables.tf'), '\nvariable "unused" {\n  description = "Nobody reads it."\n  type        = string\n}\n'),
    (copy) => {
      const result = tflint(copy);
      assert.is(result.code, 2);
      assert.match(result.stdout, /modules\/storage\/variables\.tf:\d+:1: Warning - variable "unused" is declared but not used \(terraform_unused_declarations\)/);
    },
  );
});
catches('an untyped variable is reported (terraform_typed_variables)', () => {
  withCopy(
    (copy) => {
      const file = path.join(copy, 'modules/gke/variables.tf');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/(variable "labels" \{\n  description = [^\n]*\n)  type        = map\(string\)\n/, '$1'));
    },
    (copy) => {
      const result = tflint(copy);
      assert.is(result.code, 2);
      assert.match(result.stdout, '`labels` variable has no type (terraform_typed_variables)');
    },
  );
});
catches('a module without required_version is reported (terraform_required_version)', () => {
  withCopy(
    (copy) => {
      const file = path.join(copy, 'modules/iam/versions.tf');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  required_version = ">= 1.7.0"\n', ''));
    },
    (copy) => {
      const result = tflint(copy);
      assert.is(result.code, 2);
      assert.match(result.stdout, /modules\/iam\/versions\.tf:\d+:\d+: Warning - terraform "required_version" attribute is required \(terraform_required_version\)/);
    },
  );
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

// `tofu test` needs the google provider to plan, and it cannot be installed
// here; it still loads each module and its test files first, so structural
// mistakes in them are real errors, and the only other one is the provider.
const loads = suite('terraform/: tofu test loads every module and its test files (the plans need the google provider)');
for (const module of MODULES) {
  loads(`${module}: configuration and tests load; the run stops only at the missing provider`, () => {
    withCopy(
      () => {},
      (copy) => {
        const result = tofuTest(path.join(copy, module));
        const output = result.stdout + result.stderr;
        const errors = [...output.matchAll(/^Error: (.*)$/gm)].map((m) => m[1]);
        assert.equal(errors, ['Missing required provider'], output);
        const tests = path.join(TERRAFORM, module, 'tests');
        for (const file of readdirSync(tests)) {
          for (const [, name] of readFileSync(path.join(tests, file), 'utf8').matchAll(/^run "([a-z0-9_]+)"/gm)) {
            assert.match(output, `run "${name}"...`, `${file}: run ${name} was not loaded`);
          }
        }
      },
    );
  });
}
loads('a misspelt argument in a test file is reported by tofu test before the provider', () => {
  withCopy(
    (copy) => {
      const file = path.join(copy, 'modules/storage/tests/bucket.tftest.hcl');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  command = plan', '  comand = plan'));
    },
    (copy) => {
      const result = tofuTest(path.join(copy, 'modules/storage'));
      const output = result.stdout + result.stderr;
      assert.match(output, /Error: Unsupported argument\n\n  on tests\/bucket\.tftest\.hcl line \d+, in run "bucket_is_versioned_private_and_expires_old_objects":/);
      assert.not.match(output, 'Missing required provider');
    },
  );
});
loads.run();
