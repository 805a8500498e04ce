/** The contract of one resource type's file under src/plan/resources/. */
import type { Attrs } from './attrs.js';
import type { ComponentSpec } from './components.js';

export interface ResourceContext {
  readonly address: string;
  readonly type: string;
  readonly region: string;
  /** The values of the side being priced (before or after), with unknown markers on the after side. */
  readonly attrs: Attrs;
  /**
   * Values, on the same side, of the resource that the attribute at `path` refers to (a launch template from
   * an ASG…), found by the configuration reference or by name/id; undefined when it is not in the plan.
   */
  /** True when the configuration writes this top-level attribute (false: a computed value is the provider/AWS default). */
  configured(attribute: string): boolean;
  related(path: readonly (string | number)[], types: readonly string[]): { address: string; attrs: Attrs } | undefined;
}

export interface ResourceModel {
  readonly types: readonly string[];
  /** Types this model reads through `ctx.related` (their values are kept when a plan is read for costing). */
  readonly relatedTypes?: readonly string[];
  components(ctx: ResourceContext): ComponentSpec[];
}
