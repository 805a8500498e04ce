/**
 * `terraform show -json` (format versions 0.x and 1.x) → Plan. Unknown keys are ignored; an unknown major
 * version, a state file, or a malformed change is a PlanFormatError naming the file and the field.
 */
import { Attrs } from './attrs.js';
import { configAddressOf, indexConfiguration, providerConfigKeyOf } from './config-index.js';
import { decodePlanText, parsePlanJson } from './decode.js';
import { PlanFormatError } from './errors.js';
import { providerShortName, type ChangeAction, type Plan, type ReplaceOrder, type ResourceChange } from './plan-types.js';

type Obj = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export const SUPPORTED_FORMAT_MAJORS = [0, 1] as const;

export interface ReadOptions {
  /**
   * Keep the values and configuration expressions of resources of this type. The others get empty values
   * (their sides stay present or absent as in the plan), so the parsed plan can be freed early. Default: all.
   */
  readonly keepValues?: (type: string) => boolean;
}

/** Values of a resource whose values were not kept (ReadOptions.keepValues). */
const OMITTED = new Attrs({});

export function readPlanBytes(bytes: Uint8Array, file: string, opts?: ReadOptions): Plan {
  return readPlanJson(parsePlanJson(decodePlanText(bytes), file), file, opts);
}

const at = (i: number, f: string): string => `resource_changes[${i}]${f}`;

export function readPlanJson(json: unknown, file: string, opts?: ReadOptions): Plan {
  if (!isObj(json)) throw new PlanFormatError({ file }, 'expected a JSON object (`terraform show -json` output)');
  if (json.format_version === undefined) {
    if ('serial' in json && 'lineage' in json) {
      throw new PlanFormatError({ file, field: 'format_version' }, 'this is a Terraform state file, not a plan; run `terraform show -json <planfile>`');
    }
    throw new PlanFormatError({ file, field: 'format_version' }, 'missing: not `terraform show -json` output');
  }
  const formatVersion = String(json.format_version);
  const major = Number(formatVersion.split('.')[0]);
  if (!(SUPPORTED_FORMAT_MAJORS as readonly number[]).includes(major)) {
    throw new PlanFormatError({ file, field: 'format_version' }, `unsupported format version "${formatVersion}" (nuage reads 0.x and 1.x)`);
  }
  if (json.resource_changes === undefined && json.planned_values === undefined) {
    throw new PlanFormatError(
      { file, field: 'resource_changes' },
      'no resource_changes nor planned_values: this is `terraform show -json` of a state, not of a plan',
    );
  }
  if (json.resource_changes !== undefined && !Array.isArray(json.resource_changes)) {
    throw new PlanFormatError({ file, field: 'resource_changes' }, 'expected an array');
  }
  const keep = opts?.keepValues;
  const config = indexConfiguration(json.configuration, json.variables);
  const prior = priorStateValues(json.prior_state);
  const changes: ResourceChange[] = [];
  // Addresses the plan lists, to find the prior-state resources it does not (only needed when there are some).
  const seen = prior.size > 0 ? new Set<string>() : undefined;

  const rcs = (json.resource_changes ?? []) as unknown[];
  for (let i = 0; i < rcs.length; i++) {
    const rc = rcs[i];
    if (!isObj(rc)) throw new PlanFormatError({ file, field: at(i, '') }, 'expected an object');
    if (rc.mode === 'data') continue;
    if (typeof rc.address !== 'string') throw new PlanFormatError({ file, field: at(i, '.address') }, 'expected a string');
    if (typeof rc.type !== 'string') throw new PlanFormatError({ file, field: at(i, '.type') }, 'expected a string');
    const change = rc.change;
    if (!isObj(change) || !Array.isArray(change.actions)) {
      throw new PlanFormatError({ file, field: at(i, '.change.actions') }, 'expected an array of actions');
    }
    const { action, replaceOrder } = normalizeActions(change.actions, file, i);
    if (action === undefined) continue; // "read" (data sources) and "forget"
    const address = rc.address;
    seen?.add(address);
    const kept = keep === undefined || keep(rc.type);
    const cfg = config.resource(configAddressOf(address));
    const providerName = typeof rc.provider_name === 'string' ? rc.provider_name : 'aws';
    const beforeValues = change.before ?? (action === 'create' ? null : prior.get(address)) ?? null;
    const before = action === 'create' || beforeValues === null ? null : kept ? new Attrs(beforeValues) : OMITTED;
    const after =
      action === 'delete' || change.after === null || change.after === undefined ? null : kept ? new Attrs(change.after, change.after_unknown) : OMITTED;
    const rcChange: Mutable<ResourceChange> = {
      address,
      moduleAddress: typeof rc.module_address === 'string' ? rc.module_address : '',
      type: rc.type,
      name: typeof rc.name === 'string' ? rc.name : address,
      providerName,
      action,
      before,
      after,
      region: config.providerRegion(providerConfigKeyOf(cfg), providerShortName(providerName)),
      expressions: kept ? cfg?.expressions : undefined,
    };
    // Set only when present (no `index: undefined` key), after the others: one object shape per combination.
    if (rc.index !== undefined) rcChange.index = rc.index as string | number;
    if (replaceOrder) rcChange.replaceOrder = replaceOrder;
    if (typeof rc.deposed === 'string') rcChange.deposed = rc.deposed;
    changes.push(rcChange);
  }
  // Resources in the prior state that the plan does not list are unchanged: they count on both sides.
  for (const [address, entry] of prior) {
    if (seen?.has(address)) continue;
    const cfg = config.resource(configAddressOf(address));
    const meta = prior.meta.get(address);
    if (!meta) continue;
    const kept = keep === undefined || keep(meta.type);
    const values = kept ? new Attrs(entry) : OMITTED;
    changes.push({
      address,
      moduleAddress: meta.moduleAddress,
      type: meta.type,
      name: meta.name,
      providerName: meta.providerName,
      action: 'no-op',
      before: values,
      after: values,
      region: config.providerRegion(providerConfigKeyOf(cfg), providerShortName(meta.providerName)),
      expressions: kept ? cfg?.expressions : undefined,
    });
  }
  return {
    file,
    formatVersion,
    terraformVersion: typeof json.terraform_version === 'string' ? json.terraform_version : 'unknown',
    changes,
  };
}

type Actions = { readonly action?: ChangeAction; readonly replaceOrder?: ReplaceOrder };
const ACTIONS = new Map<string, Actions>([
  ['no-op', { action: 'no-op' }],
  ['create', { action: 'create' }],
  ['update', { action: 'update' }],
  ['delete', { action: 'delete' }],
  ['delete,create', { action: 'replace', replaceOrder: 'delete-before-create' }],
  ['create,delete', { action: 'replace', replaceOrder: 'create-before-delete' }],
  // `destroy = false` replacements (Terraform 1.7+): the new object is created; the old one leaves the
  // stack but keeps running, so, like a "forget", it is in neither total.
  ['create,forget', { action: 'create' }],
  ['forget,create', { action: 'create' }],
  ['read', {}],
  ['forget', {}],
  ['delete,forget', {}],
]);

function normalizeActions(actions: unknown[], file: string, i: number): Actions {
  const a = actions.length === 1 && typeof actions[0] === 'string' ? actions[0] : actions.join(',');
  const found = ACTIONS.get(a);
  if (found) return found;
  throw new PlanFormatError({ file, field: at(i, '.change.actions') }, `unknown actions [${a}]; expected no-op, create, update, delete, read, forget, or a replace pair`);
}

interface PriorMeta {
  readonly type: string;
  readonly name: string;
  readonly moduleAddress: string;
  readonly providerName: string;
}

/** Managed resources of `prior_state.values`, by address (walking child modules). */
function priorStateValues(priorState: unknown): Map<string, unknown> & { meta: Map<string, PriorMeta> } {
  const out = new Map<string, unknown>() as Map<string, unknown> & { meta: Map<string, PriorMeta> };
  out.meta = new Map();
  const walk = (module: unknown): void => {
    if (!isObj(module)) return;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (!isObj(r) || typeof r.address !== 'string' || r.mode === 'data') continue;
      out.set(r.address, r.values ?? {});
      out.meta.set(r.address, {
        type: typeof r.type === 'string' ? r.type : '',
        name: typeof r.name === 'string' ? r.name : r.address,
        moduleAddress: typeof module.address === 'string' ? module.address : '',
        providerName: typeof r.provider_name === 'string' ? r.provider_name : 'aws',
      });
    }
    for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) walk(child);
  };
  if (isObj(priorState) && isObj(priorState.values)) walk(priorState.values.root_module);
  return out;
}
