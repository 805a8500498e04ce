/** aws_db_instance: instance hours by class, engine and deployment (Multi-AZ), storage by type and size, IOPS. */
import { rdsInstance, rdsIops, rdsStorage, type RdsDeployment, type RdsStorageType } from '../../catalog/service-keys.js';
import { dec } from '../../money/index.js';
import { UNKNOWN, isKnown } from '../attrs.js';
import { service, unknownPrice, type ComponentSpec } from '../components.js';
import type { ResourceModel } from '../resource-model.js';

/** Terraform engine names → catalog engine keys (engines whose price needs no license choice). */
const ENGINES: Record<string, string> = { mysql: 'mysql', postgres: 'postgres', mariadb: 'mariadb' };
const STORAGE_TYPES: readonly string[] = ['gp2', 'gp3', 'io1', 'io2', 'standard'];
/** gp3 RDS storage includes 3,000 IOPS (12,000 at 400 GB and above for most engines). */
const gp3IncludedIops = (sizeGb: number): number => (sizeGb >= 400 ? 12000 : 3000);

export const awsDbInstance: ResourceModel = {
  types: ['aws_db_instance'],
  components({ attrs, region }) {
    const cls = attrs.str('instance_class');
    const engineRaw = attrs.str('engine');
    const multiAz = attrs.bool('multi_az');
    const deployment: RdsDeployment = multiAz === true ? 'multi-az' : 'single-az';
    const out: ComponentSpec[] = [];
    const engine = isKnown(engineRaw) ? ENGINES[engineRaw] : undefined;
    const name = `Database instance (${isKnown(engineRaw) ? engineRaw : 'engine unknown'}, ${deployment}, ${isKnown(cls) ? cls : 'class unknown'})`;
    if (!isKnown(cls) || !isKnown(engineRaw)) {
      out.push({ name, unit: 'hours', hourlyQuantity: dec(1), price: unknownPrice(`${!isKnown(cls) ? 'instance class' : 'engine'} ${cls === UNKNOWN || engineRaw === UNKNOWN ? 'computed at apply' : 'not set'}`) });
    } else if (!engine) {
      out.push({ name, unit: 'hours', hourlyQuantity: dec(1), price: unknownPrice(`engine "${engineRaw}" is not priced by nuage yet (license options)`) });
    } else {
      out.push({ name, unit: 'hours', hourlyQuantity: dec(1), price: service(region, rdsInstance(cls, engine, deployment)) });
    }
    const size = attrs.num('allocated_storage');
    const typeRaw = attrs.str('storage_type');
    const iops = attrs.num('iops');
    const type = (isKnown(typeRaw) ? typeRaw : isKnown(iops) && iops > 0 ? 'io1' : 'gp2') as RdsStorageType;
    const typeNote = isKnown(typeRaw) ? undefined : `storage_type ${typeRaw === UNKNOWN ? 'computed' : 'not set'}: ${type} assumed`;
    if (!STORAGE_TYPES.includes(type)) {
      out.push({ name: `Storage (${type})`, unit: 'GB-months', monthlyQuantity: UNKNOWN, price: unknownPrice(`unknown storage type "${type}"`) });
      return out;
    }
    out.push({
      name: `Storage (${type}, ${deployment}${isKnown(size) ? `, ${size} GB` : ''})`,
      unit: 'GB-months',
      monthlyQuantity: isKnown(size) ? dec(size) : UNKNOWN,
      price: service(region, rdsStorage(type, deployment)),
      ...(typeNote ? { note: typeNote } : {}),
    });
    if ((type === 'io1' || type === 'io2') && iops !== undefined) {
      out.push({ name: `Provisioned IOPS (${type}, ${deployment})`, unit: 'IOPS-months', monthlyQuantity: isKnown(iops) ? dec(iops) : UNKNOWN, price: service(region, rdsIops(type, deployment)) });
    }
    if (type === 'gp3' && isKnown(iops) && isKnown(size) && iops > gp3IncludedIops(size)) {
      out.push({ name: `IOPS above ${gp3IncludedIops(size)} (gp3, ${deployment})`, unit: 'IOPS-months', monthlyQuantity: dec(iops - gp3IncludedIops(size)), price: service(region, rdsIops('gp3', deployment)) });
    }
    return out;
  },
};
