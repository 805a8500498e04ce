/**
 * The plan's `configuration` block, indexed: configuration resources by their module path and address
 * (indexes dropped), provider configurations by key, and the region each provider configuration sets
 * (a constant, or a variable whose value the plan records).
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A resource of the plan's configuration, as the plan writes it (read as is: no copy per resource). */
export interface ConfigResource {
  readonly provider_config_key?: unknown;
  readonly expressions?: unknown;
}

/** The provider configuration key of a configuration resource (`aws.paris`, `module.app:aws`), if any. */
export function providerConfigKeyOf(r: ConfigResource | undefined): string | undefined {
  const key = r?.provider_config_key;
  return typeof key === 'string' ? key : undefined;
}

export interface ConfigIndex {
  resource(configAddress: string): ConfigResource | undefined;
  /** Region of a provider configuration key (`aws`, `aws.paris`, `module.app:aws`), following module inheritance. */
  providerRegion(key: string | undefined, providerShort: string): string | undefined;
}

/** `module.a["x"].module.b[0].aws_instance.web[2]` → `module.a.module.b.aws_instance.web`. */
export function configAddressOf(address: string): string {
  if (!address.includes('[')) return address;
  return address.replace(/\[[^\]]*\]/g, '');
}

export function indexConfiguration(configuration: unknown, variables: unknown): ConfigIndex {
  const resources = new Map<string, ConfigResource>();
  const walk = (module: unknown, prefix: string): void => {
    if (!isObj(module)) return;
    const list: unknown[] = Array.isArray(module.resources) ? module.resources : [];
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (!isObj(r) || typeof r.address !== 'string') continue;
      resources.set(prefix + r.address, r);
    }
    if (isObj(module.module_calls)) {
      const calls = module.module_calls;
      const names = Object.keys(calls);
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        const call = calls[name];
        if (isObj(call)) walk(call.module, `${prefix}module.${name}.`);
      }
    }
  };
  const cfg = isObj(configuration) ? configuration : {};
  walk(cfg.root_module, '');
  const providers = isObj(cfg.provider_config) ? cfg.provider_config : {};
  const vars = isObj(variables) ? variables : {};

  const regionOfProvider = (p: unknown): string | undefined => {
    if (!isObj(p) || !isObj(p.expressions)) return undefined;
    const region = p.expressions.region;
    if (!isObj(region)) return undefined;
    if (typeof region.constant_value === 'string') return region.constant_value;
    const refs = Array.isArray(region.references) ? region.references : [];
    for (const ref of refs) {
      const m = typeof ref === 'string' ? /^var\.([\w-]+)$/.exec(ref) : null;
      const v = m ? vars[m[1] as string] : undefined;
      if (isObj(v) && typeof v.value === 'string') return v.value;
    }
    return undefined;
  };

  // Region by provider configuration key, then provider short name (asked once per resource: no key strings built).
  const regionCache = new Map<string, Map<string, string | undefined>>();
  return {
    resource: (addr) => resources.get(addr),
    providerRegion(key, providerShort) {
      let byShort = regionCache.get(key ?? '');
      if (!byShort) regionCache.set(key ?? '', (byShort = new Map()));
      if (byShort.has(providerShort)) return byShort.get(providerShort);
      const region = resolveRegion(key, providerShort);
      byShort.set(providerShort, region);
      return region;
    },
  };

  function resolveRegion(key: string | undefined, providerShort: string): string | undefined {
    {
      const candidates: string[] = [];
      if (key) {
        candidates.push(key);
        // `module.app:aws` / `app:aws`: a module without its own provider block inherits the root's `aws`.
        const colon = key.lastIndexOf(':');
        if (colon >= 0) candidates.push(key.slice(colon + 1));
      }
      candidates.push(providerShort);
      for (const c of candidates) {
        if (c in providers) {
          const r = regionOfProvider(providers[c]);
          if (r !== undefined) return r;
        }
      }
      return undefined;
    }
  }
}
