/** aws_elasticache_cluster: num_cache_nodes × node hours by node type and engine. */
import { elasticacheNode, type CacheEngine } from '../../catalog/service-keys.js';
import { dec } from '../../money/index.js';
import { UNKNOWN, isKnown } from '../attrs.js';
import { service, unknownPrice } from '../components.js';
import type { ResourceModel } from '../resource-model.js';

const ENGINES: readonly string[] = ['redis', 'memcached', 'valkey'];

export const awsElasticacheCluster: ResourceModel = {
  types: ['aws_elasticache_cluster'],
  components({ attrs, region }) {
    const node = attrs.str('node_type');
    const engine = attrs.str('engine');
    const nodes = attrs.num('num_cache_nodes');
    const count = isKnown(nodes) ? dec(nodes) : nodes === UNKNOWN ? UNKNOWN : dec(1);
    const name = `Cache nodes (${isKnown(engine) ? engine : 'engine unknown'}, ${isKnown(node) ? node : 'type unknown'})`;
    if (!isKnown(node) || !isKnown(engine) || !ENGINES.includes(engine)) {
      // A cluster joining a replication group takes its settings from the group.
      const reason = isKnown(attrs.str('replication_group_id'))
        ? 'node type and engine come from the replication group (aws_elasticache_replication_group is not priced yet)'
        : `${!isKnown(node) ? 'node type' : 'engine'} unknown`;
      return [{ name, unit: 'hours', hourlyQuantity: count, price: unknownPrice(reason) }];
    }
    return [{ name, unit: 'hours', hourlyQuantity: count, price: service(region, elasticacheNode(node, engine as CacheEngine)) }];
  },
};
