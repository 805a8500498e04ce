/**
 * A service spec as the plan area's resource models see it: a Terraform resource type, its attribute values
 * and usage values. The cost components are then declared by the same resource files as `nuage diff` uses
 * (src/plan/resources/), and priced by the same pricer: one vocabulary, one pricing path.
 */
import { Attrs } from '../../plan/attrs.js';
import type { ComponentSpec } from '../../plan/components.js';
import type { ResourceContext } from '../../plan/resource-model.js';
import { resourceModel } from '../../plan/resources/index.js';
import type { ServiceSpec } from './spec.js';

export interface DeclaredService {
  /** The Terraform resource type whose model declares the components. */
  readonly type: string;
  readonly attrs: Readonly<Record<string, unknown>>;
  /** Usage values by the model's usage keys (monthly quantities). */
  readonly usage: Readonly<Record<string, number>>;
}

const defined = (entries: Record<string, number | undefined>): Record<string, number> =>
  Object.fromEntries(Object.entries(entries).filter((e): e is [string, number] => e[1] !== undefined));

export function declareService(s: ServiceSpec, hoursPerMonth: number): DeclaredService {
  switch (s.kind) {
    case 'rds':
      return {
        type: 'aws_db_instance',
        attrs: {
          instance_class: s.instanceClass,
          engine: s.engine,
          multi_az: s.deployment === 'multi-az',
          ...(s.storageGb !== undefined ? { allocated_storage: s.storageGb } : {}),
          ...(s.storageType ? { storage_type: s.storageType } : {}),
          ...(s.iops !== undefined ? { iops: s.iops } : {}),
        },
        usage: {},
      };
    case 'dynamodb':
      return s.mode === 'provisioned'
        ? { type: 'aws_dynamodb_table', attrs: { billing_mode: 'PROVISIONED', read_capacity: s.rcu, write_capacity: s.wcu }, usage: defined({ storage_gb: s.storageGb }) }
        : {
            type: 'aws_dynamodb_table',
            attrs: { billing_mode: 'PAY_PER_REQUEST' },
            usage: defined({ monthly_read_request_units_millions: s.readsMillions, monthly_write_request_units_millions: s.writesMillions, storage_gb: s.storageGb }),
          };
    case 'sqs':
      return { type: 'aws_sqs_queue', attrs: { fifo_queue: s.queue === 'fifo' }, usage: defined({ monthly_requests_millions: s.requestsMillions }) };
    case 's3':
      return {
        type: 'aws_s3_bucket',
        attrs: {},
        usage: defined({ storage_gb: s.storageGb, monthly_tier1_requests_millions: s.putMillions, monthly_tier2_requests_millions: s.getMillions }),
      };
    case 'alb':
    case 'nlb':
      return {
        type: 'aws_lb',
        attrs: { load_balancer_type: s.kind === 'alb' ? 'application' : 'network' },
        usage: defined({ monthly_lcu_hours: s.lcu === undefined ? undefined : s.lcu * hoursPerMonth }),
      };
    case 'nat':
      return { type: 'aws_nat_gateway', attrs: {}, usage: defined({ monthly_data_processed_gb: s.processedGb }) };
    case 'elasticache':
      return { type: 'aws_elasticache_cluster', attrs: { node_type: s.nodeType, engine: s.engine, num_cache_nodes: s.nodes }, usage: {} };
    case 'eks':
      return { type: 'aws_eks_cluster', attrs: {}, usage: {} };
  }
}

/** The components the resource model declares for a declared service in `region`. */
export function serviceComponents(d: DeclaredService, region: string, address: string): ComponentSpec[] {
  const model = resourceModel(d.type);
  if (!model) throw new Error(`no resource model for ${d.type}`);
  const ctx: ResourceContext = {
    address,
    type: d.type,
    region,
    attrs: new Attrs(d.attrs),
    configured: (attribute) => attribute in d.attrs,
    related: () => undefined,
  };
  return model.components(ctx);
}
