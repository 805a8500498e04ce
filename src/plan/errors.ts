import { InputError, UsageError, type InputLocation } from '../errors.js';

/** The file is not a readable `terraform show -json` plan (corrupted, truncated, a state file, unknown version). */
export class PlanFormatError extends InputError {
  override name = 'PlanFormatError';
  constructor(location: InputLocation, problem: string) {
    super(location, problem);
  }
}

/** A priced resource has no region: no resource attribute, no provider configuration, no --region default. */
export class RegionUnknownError extends UsageError {
  override name = 'RegionUnknownError';
  constructor(
    readonly file: string,
    readonly address: string,
  ) {
    super(`${file}: cannot tell the AWS region of ${address}: the plan sets none (no region in the provider configuration); pass --region`);
  }
}
