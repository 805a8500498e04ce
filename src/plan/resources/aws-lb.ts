/**
 * aws_lb / aws_alb (application, network, gateway) and aws_elb (classic): hours, plus capacity units
 * (usage: monthly_lcu_hours) or, for classic, data processed (usage: monthly_data_processed_gb).
 */
import { clbDataProcessed, lbHour, lbLcu } from '../../catalog/service-keys.js';
import { dec } from '../../money/index.js';
import { isKnown, UNKNOWN } from '../attrs.js';
import { service, unknownPrice } from '../components.js';
import type { ResourceModel } from '../resource-model.js';

const KINDS = { application: 'alb', network: 'nlb', gateway: 'gwlb' } as const;

export const awsLb: ResourceModel = {
  types: ['aws_lb', 'aws_alb'],
  components({ attrs, region }) {
    const t = attrs.str('load_balancer_type');
    // Set from a value known only after apply: the kind (and so the price) is unknown, not the default.
    if (t === UNKNOWN) return [{ name: 'Load balancer (type computed at apply)', unit: 'hours', hourlyQuantity: dec(1), price: unknownPrice('load_balancer_type computed at apply') }];
    const given = isKnown(t) ? t : 'application';
    const kind = KINDS[given as keyof typeof KINDS];
    if (!kind) return [{ name: `Load balancer (${given})`, unit: 'hours', hourlyQuantity: dec(1), price: unknownPrice(`unknown load_balancer_type "${given}"`) }];
    const label = { alb: 'Application', nlb: 'Network', gwlb: 'Gateway' }[kind];
    return [
      { name: `${label} load balancer`, unit: 'hours', hourlyQuantity: dec(1), price: service(region, lbHour(kind)), ...(isKnown(t) ? {} : { note: 'load_balancer_type not set: application (provider default)' }) },
      { name: 'Load balancer capacity units', unit: 'LCU-hours', usageKey: 'monthly_lcu_hours', price: service(region, lbLcu(kind)) },
    ];
  },
};

export const awsElb: ResourceModel = {
  types: ['aws_elb'],
  components: ({ region }) => [
    { name: 'Classic load balancer', unit: 'hours', hourlyQuantity: dec(1), price: service(region, lbHour('clb')) },
    { name: 'Data processed', unit: 'GB', usageKey: 'monthly_data_processed_gb', price: service(region, clbDataProcessed()) },
  ],
};
