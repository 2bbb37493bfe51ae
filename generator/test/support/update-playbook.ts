import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, run, tool, tools, type RunResult } from './tools.js';

/**
 * ansible/update.yml run for real by ansible-playbook in a scratch folder:
 * real OpenTofu on a root made only of the production outputs (no provider
 * needed), the real bridge, and the helm, kubectl and gcloud given in
 * `binaries`: the real helm and kubectl, each call logged (logged()), and the
 * stand-in gcloud of fixtures/update-path, which hands over the local
 * cluster's kubeconfig where GKE would hand over its own.
 */
export const FAKES = path.join(ROOT, 'generator/test/fixtures/update-path');
const FIXTURE = path.join(ROOT, 'generator/test/fixtures/terraform-output.json');

export interface PlaybookRun {
  result: RunResult;
  output: string;
  calls: string[];
  recap: { ok: number; changed: number; failed: number };
}

export interface Binaries {
  helm: string;
  kubectl: string;
  gcloud: string;
}

export class UpdatePlaybook {
  constructor(private readonly scratch: string) {}

  at(...parts: string[]): string {
    return path.join(this.scratch, ...parts);
  }

  /** A command at `binary` that first appends each call, as `name args...`, to the run's call log. */
  logged(name: string, binary: string): string {
    const file = this.at('bin', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `#!/bin/sh\n# ${name}, each call first appended to the update run's call log.\nprintf '${name} %s\\n' "$*" >>"$CALL_LOG"\nexec '${binary}' "$@"\n`, { mode: 0o755 });
    return file;
  }

  /** The scratch folders, the outputs root and the playbook's variables. */
  prepare(binaries: Binaries): void {
    for (const dir of ['terraform', 'home']) mkdirSync(this.at(dir), { recursive: true });
    this.writeOutputs();
    writeFileSync(this.at('vars.json'), JSON.stringify({
      repository_root: ROOT,
      terraform_binary: tool('tofu'),
      terraform_root: this.at('terraform'),
      terraform_init_args: [],
      helm_binary: binaries.helm,
      kubectl_binary: binaries.kubectl,
      gcloud_binary: binaries.gcloud,
    }));
  }

  /** The production root's outputs as a configuration of literal outputs, with edits. */
  writeOutputs(edit: (outputs: Record<string, { value: unknown }>) => void = () => {}): void {
    const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, { value: unknown }>;
    const outputs = Object.fromEntries(Object.entries(recorded).map(([name, o]) => [name, { value: o.value }]));
    edit(outputs);
    writeFileSync(this.at('terraform', 'outputs.tf.json'), JSON.stringify({ output: outputs }));
  }

  stateOutputs(): Record<string, { value: unknown }> {
    return (JSON.parse(readFileSync(this.at('terraform', 'terraform.tfstate'), 'utf8')) as { outputs: Record<string, { value: unknown }> }).outputs;
  }

  run(args: string[] = [], env: NodeJS.ProcessEnv = {}): PlaybookRun {
    const log = this.at(`calls-${Date.now()}.log`);
    writeFileSync(log, '');
    const bin = path.join(tools(), 'ansible', 'bin');
    const result = run(path.join(bin, 'ansible-playbook'), ['update.yml', '-e', `@${this.at('vars.json')}`, ...args], {
      cwd: path.join(ROOT, 'ansible'),
      env: {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        ANSIBLE_HOME: this.at('home'),
        ANSIBLE_LOCAL_TEMP: this.at('home', 'tmp'),
        ANSIBLE_NOCOLOR: '1',
        TF_CLI_CONFIG_FILE: '/dev/null',
        CHECKPOINT_DISABLE: '1',
        BALENA_ROOT: ROOT,
        CALL_LOG: log,
        ...env,
      },
    });
    const output = result.stdout + result.stderr;
    const recap = /localhost\s+: ok=(\d+)\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)/.exec(output);
    if (!recap) throw new Error(`no PLAY RECAP in:\n${output}`);
    return { result, output, calls: readFileSync(log, 'utf8').split('\n').filter(Boolean), recap: { ok: Number(recap[1]), changed: Number(recap[2]), failed: Number(recap[3]) } };
  }
}
