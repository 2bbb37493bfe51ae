/** Every problem the generator reports, with where it is. */
export type ErrorCode =
  | 'SCHEMA_UNREADABLE'
  | 'SCHEMA_PARSE'
  | 'SCHEMA_INVALID'
  | 'REF_UNRESOLVED'
  | 'DEFAULT_INVALID'
  | 'DESCRIPTION_MISSING'
  | 'CHART_METADATA'
  | 'PARTIAL_MISSING'
  | 'DASHBOARD_INVALID'
  | 'TEMPLATE_FAILED'
  | 'VALUES_INVALID'
  | 'TERRAFORM_OUTPUT'
  | 'USAGE';

export interface Problem {
  code: ErrorCode;
  /** File the problem is in, relative to the project root where possible. */
  file: string;
  /** JSON pointer inside that file ('' for the whole document). */
  pointer: string;
  message: string;
}

/** Thrown by any stage; carries every problem found so they are reported once. */
export class GeneratorError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'GeneratorError';
    this.problems = problems;
  }
}

/** One line per problem: `file#/pointer: message [CODE]`. */
export function formatProblem(problem: Problem): string {
  const where = problem.pointer === '' ? problem.file : `${problem.file}#${problem.pointer}`;
  return `${where}: ${problem.message} [${problem.code}]`;
}

export function fail(code: ErrorCode, file: string, pointer: string, message: string): never {
  throw new GeneratorError([{ code, file, pointer, message }]);
}
