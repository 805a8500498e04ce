/**
 * The price snapshot under data/ is built by `npm run data:build` from public source files
 * (../shared/data and ../shared/corpora by default, or --shared <dir>). Each area contributes a part:
 * the files it writes (paths relative to data/) and the sources it read, with their dates.
 * scripts/data-build.ts writes the files and data/manifest.json (sources, dates, sha256, row counts).
 */

export interface SourceFile {
  /** Path relative to the shared folder, e.g. "data/skypilot/ondemand_spot_by_region.csv". */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface ManifestSource {
  /** Stable id referenced by PriceBasis.source, e.g. "skypilot-v7". */
  readonly id: string;
  readonly description: string;
  /** Date of the facts, YYYY-MM-DD (or the best documented inference, explained in `notes`). */
  readonly asOf: string;
  /** Where it came from (repository, commit, licence). */
  readonly origin: string;
  readonly files: readonly SourceFile[];
  /** Choices made with this source: precedence, disagreements resolved, rows dropped and why. */
  readonly notes?: readonly string[];
}

export interface SnapshotFile {
  /** Path relative to data/. */
  readonly path: string;
  readonly content: string;
}

export interface SnapshotPart {
  readonly id: string;
  readonly files: readonly SnapshotFile[];
  readonly sources: readonly ManifestSource[];
  /** region → counter name → count, e.g. { "eu-west-3": { onDemandExact: 440 } }. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Anything else worth recording in the manifest. */
  readonly notes?: readonly string[];
}

export interface BuildContext {
  /** Absolute path of the shared folder (holds data/ and corpora/). */
  readonly shared: string;
  readonly log: (message: string) => void;
}

export type SnapshotBuilder = (ctx: BuildContext) => Promise<SnapshotPart>;
