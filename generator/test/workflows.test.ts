import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, run, tool } from './support/tools.js';

const workflows = suite('the GitHub workflows shipped for users are valid (actionlint)');
workflows('actionlint finds nothing in .github/workflows', () => {
  const result = run(tool('actionlint'), ['-no-color', '-shellcheck=', '-pyflakes='], { cwd: ROOT });
  assert.is(result.code, 0, result.stdout + result.stderr);
});
workflows('a broken workflow is caught (actionlint really reads them)', () => {
  const result = run(tool('actionlint'), ['-no-color', '-shellcheck=', '-pyflakes=', '-'], {
    cwd: ROOT,
    input: 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n',
  });
  assert.is.not(result.code, 0);
  assert.match(result.stdout, /nope/);
});
workflows.run();

