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
  /**
   * 1-based row, when known. Spreadsheet convention by default (header = row 1, first data row =
   * row 2, as a spreadsheet shows a CSV); `rowKind` says when the number counts something else.
   */
  readonly row?: number;
  /** "line": a text line (YAML/JSON); "data": the N-th record of a file without a header row (Parquet). */
  readonly rowKind?: 'line' | 'data';
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
    const row = loc.row === undefined ? undefined : loc.rowKind === 'line' ? `line ${loc.row}` : loc.rowKind === 'data' ? `row ${loc.row} of the data` : `row ${loc.row}`;
    const where = [loc.file, row, loc.field !== undefined ? `field "${loc.field}"` : undefined]
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
