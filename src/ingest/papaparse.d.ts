/** The part of papaparse's API that nuage uses (the package ships no types). */
declare module 'papaparse' {
  export interface ParseError {
    readonly type: string;
    readonly code: string;
    readonly message: string;
    readonly row?: number;
  }
  export interface ParseStepResult<T> {
    readonly data: T;
    readonly errors: ParseError[];
  }
  export interface Parser {
    abort(): void;
  }
  export interface ParseConfig<T> {
    delimiter?: string;
    quoteChar?: string;
    escapeChar?: string;
    newline?: '\n' | '\r\n' | '\r';
    skipEmptyLines?: boolean | 'greedy';
    step?: (results: ParseStepResult<T>, parser: Parser) => void;
  }
  export function parse<T>(input: string, config: ParseConfig<T>): void;
  const Papa: { parse: typeof parse };
  export default Papa;
}
