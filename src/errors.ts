/**
 * Named errors raised at the edges. Each carries what a person needs to act: which file,
 * which row/line, which field, what was expected. The CLI prints `message` and exits 1.
 */
export class NuageError extends Error {
  override name = 'NuageError';
  /** Process exit code the CLI should use. */
  readonly exitCode: number = 1;
}

export interface InputLocation {
  /** File path or logical source (e.g. "GetProducts page 3"). */
  readonly file: string;
  /** 1-based row (data row) or line number, when known. */
  readonly row?: number;
  /** 1-based line of a text file that has lines rather than rows (YAML, JSON), when known. */
  readonly line?: number;
  /** Column / JSON path / field name, when known. */
  readonly field?: string;
}

/** Bad input: the message names file, row and field. */
export class InputError extends NuageError {
  override name = 'InputError';
  constructor(
    readonly location: InputLocation,
    readonly problem: string,
  ) {
    super(InputError.describe(location, problem));
  }
  static describe(loc: InputLocation, problem: string): string {
    const where = [loc.file, loc.row !== undefined ? `row ${loc.row}` : undefined, loc.line !== undefined ? `line ${loc.line}` : undefined, loc.field !== undefined ? `field "${loc.field}"` : undefined]
      .filter((x) => x !== undefined)
      .join(', ');
    return `${where}: ${problem}`;
  }
}

/** Wrong command-line usage or configuration (unknown option value, unknown key…). */
export class UsageError extends NuageError {
  override name = 'UsageError';
}

/** Something the user asked for does not exist (instance type, region, saved budget…). */
export class NotFoundError extends NuageError {
  override name = 'NotFoundError';
}

/** Missing AWS credentials or an AWS API failure, explained plainly. */
export class AwsError extends NuageError {
  override name = 'AwsError';
}
