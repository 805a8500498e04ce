/**
 * Read access to one side of a resource change: the planned values and Terraform's `after_unknown` markers
 * (a parallel tree where `true` means "known only after apply"). A read returns the value, `UNKNOWN`,
 * or undefined when the attribute is absent or null.
 */

export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;
export type Maybe<T> = T | Unknown | undefined;

type Json = unknown;

export class Attrs {
  constructor(
    readonly values: Json,
    readonly unknown: Json = undefined,
  ) {}

  static empty(): Attrs {
    return new Attrs({});
  }

  private node(key: string | number): { value: Json; unknown: Json } {
    const v = this.values;
    const u = this.unknown;
    const value = v !== null && typeof v === 'object' ? (v as Record<string | number, Json>)[key] : undefined;
    const unk = u !== null && typeof u === 'object' ? (u as Record<string | number, Json>)[key] : u === true ? true : undefined;
    return { value, unknown: unk };
  }

  /** The attribute as a nested Attrs (objects and list elements). */
  at(key: string | number): Attrs {
    const n = this.node(key);
    return new Attrs(n.value, n.unknown);
  }

  isUnknown(key: string | number): boolean {
    const n = this.node(key);
    return n.unknown === true && (n.value === undefined || n.value === null);
  }

  raw(key: string | number): Maybe<Json> {
    if (this.isUnknown(key)) return UNKNOWN;
    const v = this.node(key).value;
    return v === null ? undefined : v;
  }

  str(key: string | number): Maybe<string> {
    const v = this.raw(key);
    if (v === UNKNOWN || v === undefined) return v;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  }

  num(key: string | number): Maybe<number> {
    const v = this.raw(key);
    if (v === UNKNOWN || v === undefined) return v;
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  }

  bool(key: string | number): Maybe<boolean> {
    const v = this.raw(key);
    if (v === UNKNOWN || v === undefined) return v;
    if (typeof v === 'boolean') return v;
    if (v === 'true') return true;
    if (v === 'false') return false;
    return undefined;
  }

  /** Elements of a list/block attribute (empty when absent or unknown). */
  list(key: string | number): Attrs[] {
    const n = this.node(key);
    if (!Array.isArray(n.value)) return [];
    const unk = Array.isArray(n.unknown) ? n.unknown : [];
    return n.value.map((v, i) => new Attrs(v, unk[i]));
  }

  /** First element of a nested block (`root_block_device[0]`), or an empty Attrs carrying unknown-ness. */
  block(key: string | number): Attrs {
    const items = this.list(key);
    if (items[0]) return items[0];
    return new Attrs(undefined, this.isUnknown(key) ? true : undefined);
  }

  /** String list attribute (`instance_types`). */
  strings(key: string | number): Maybe<string[]> {
    const v = this.raw(key);
    if (v === UNKNOWN || v === undefined) return v;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  }
}

export function isKnown<T>(v: Maybe<T>): v is T {
  return v !== UNKNOWN && v !== undefined;
}
