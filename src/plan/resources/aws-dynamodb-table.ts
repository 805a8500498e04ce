/**
 * aws_dynamodb_table: PROVISIONED (default) bills read and write capacity units per hour; PAY_PER_REQUEST bills
 * request units (usage: monthly_read_request_units_millions, monthly_write_request_units_millions). Storage is
 * usage-based (storage_gb).
 */
import { dynamodbCapacityHour, dynamodbRequestUnits, dynamodbStorage } from '../../catalog/service-keys.js';
import { dec } from '../../money/index.js';
import { UNKNOWN, isKnown } from '../attrs.js';
import { service, type ComponentSpec } from '../components.js';
import type { ResourceModel } from '../resource-model.js';

export const awsDynamodbTable: ResourceModel = {
  types: ['aws_dynamodb_table'],
  components({ attrs, region }) {
    const mode = attrs.str('billing_mode');
    const out: ComponentSpec[] = [];
    if (mode === 'PAY_PER_REQUEST') {
      out.push({ name: 'Read request units', unit: 'million RRU', usageKey: 'monthly_read_request_units_millions', price: service(region, dynamodbRequestUnits('rru')) });
      out.push({ name: 'Write request units', unit: 'million WRU', usageKey: 'monthly_write_request_units_millions', price: service(region, dynamodbRequestUnits('wru')) });
    } else {
      const rcu = attrs.num('read_capacity');
      const wcu = attrs.num('write_capacity');
      out.push({ name: `Read capacity (${isKnown(rcu) ? rcu : '?'} RCU)`, unit: 'RCU-hours', hourlyQuantity: isKnown(rcu) ? dec(rcu) : UNKNOWN, price: service(region, dynamodbCapacityHour('rcu')) });
      out.push({ name: `Write capacity (${isKnown(wcu) ? wcu : '?'} WCU)`, unit: 'WCU-hours', hourlyQuantity: isKnown(wcu) ? dec(wcu) : UNKNOWN, price: service(region, dynamodbCapacityHour('wcu')) });
    }
    out.push({ name: 'Storage', unit: 'GB-months', usageKey: 'storage_gb', price: service(region, dynamodbStorage()) });
    return out;
  },
};
