/**
 * Managed services and traffic of the prod inventory → priced results in the output currency, and the list of
 * components that could not be priced (listed in every report, never counted as zero).
 */
import type { Catalog } from '../../catalog/types.js';
import { sum, ZERO, type Decimal } from '../../money/index.js';
import { catalogPrices } from '../../plan/price-lookup.js';
import type { PricedComponent } from '../../plan/pricer.js';
import type { ServiceRecord, VmRecord } from '../inventory/types.js';
import type { ComponentResult, NotPriced, ServiceResult, TrafficResult } from '../result.js';
import { priceServices, priceTraffic, type AppTraffic } from './price-services.js';
import { describeSpec } from './spec.js';

export interface ServiceLines {
  readonly services: ServiceResult[];
  readonly traffic: TrafficResult[];
  readonly notPriced: NotPriced[];
  readonly servicesMonthlyCost: Decimal;
  readonly trafficMonthlyCost: Decimal;
}

export interface ServiceLineOptions {
  readonly region: string;
  readonly hoursPerMonth: number;
  /** USD → output currency. */
  readonly convert: (usd: Decimal) => Decimal;
}

/** Traffic summed per app, in the order apps first appear (VM rows grouped like compute, service rows by app). */
export function trafficByApp(records: readonly VmRecord[], services: readonly ServiceRecord[], appOf: (r: VmRecord) => string): AppTraffic[] {
  const acc = new Map<string, { internet: Decimal; interAz: Decimal }>();
  const add = (app: string, internet: number, interAz: number): void => {
    const a = acc.get(app) ?? { internet: ZERO, interAz: ZERO };
    acc.set(app, { internet: a.internet.plus(internet), interAz: a.interAz.plus(interAz) });
  };
  for (const r of records) if (r.traffic) add(appOf(r), r.traffic.internetEgressGb, r.traffic.interAzGb);
  for (const s of services) if (s.traffic) add(s.app, s.traffic.internetEgressGb, s.traffic.interAzGb);
  return [...acc].map(([app, a]) => ({ app, internetEgressGb: Number(a.internet.toString()), interAzGb: Number(a.interAz.toString()) }));
}

export function priceServiceLines(
  records: readonly VmRecord[],
  services: readonly ServiceRecord[],
  appOf: (r: VmRecord) => string,
  catalog: Catalog,
  o: ServiceLineOptions,
): ServiceLines {
  const opts = { region: o.region, hoursPerMonth: o.hoursPerMonth, prices: catalogPrices(catalog) };
  const component = (c: PricedComponent): ComponentResult => ({
    name: c.name,
    unit: c.unit,
    status: c.status,
    monthlyQuantity: c.monthlyQuantity,
    unitPriceUsd: c.unitPriceUsd,
    monthlyCost: c.monthlyCostUsd === null ? null : o.convert(c.monthlyCostUsd),
    price: c.price,
    ...(c.basis ? { basis: c.basis } : {}),
    ...(c.note ? { note: c.note } : {}),
  });
  const notPriced: NotPriced[] = [];
  const collect = (app: string, item: string, cs: readonly PricedComponent[]): void => {
    for (const c of cs) if (c.status !== 'priced') notPriced.push({ app, item, component: c.name, unit: c.unit, status: c.status, price: c.price });
  };
  const priced = priceServices(services, opts).map((p): ServiceResult => {
    const r = p.record;
    collect(r.app, `${r.spec.kind}${r.name ? ` ${r.name}` : ''}`, p.components);
    return {
      app: r.app,
      ...(r.name ? { name: r.name } : {}),
      kind: r.spec.kind,
      spec: describeSpec(r.spec),
      specText: r.specText,
      file: r.ref.file,
      row: r.ref.row,
      monthlyCost: o.convert(p.monthlyCostUsd),
      components: p.components.map(component),
      complete: p.complete,
    };
  });
  const traffic = priceTraffic(trafficByApp(records, services, appOf), opts).map((t): TrafficResult => {
    collect(t.app, 'traffic', t.components);
    return { app: t.app, internetEgressGb: t.internetEgressGb, interAzGb: t.interAzGb, monthlyCost: o.convert(t.monthlyCostUsd), components: t.components.map(component), complete: t.complete };
  });
  return {
    services: priced,
    traffic,
    notPriced,
    servicesMonthlyCost: sum(priced.map((s) => s.monthlyCost)),
    trafficMonthlyCost: sum(traffic.map((t) => t.monthlyCost)),
  };
}
