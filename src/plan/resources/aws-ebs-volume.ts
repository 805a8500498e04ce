/** aws_ebs_volume: storage by type (gp2, gp3, io1, io2, st1, sc1, standard), IOPS and throughput. */
import { dec } from '../../money/index.js';
import type { ResourceModel } from '../resource-model.js';
import { volumeComponents } from './ebs.js';

export const awsEbsVolume: ResourceModel = {
  types: ['aws_ebs_volume'],
  components: ({ attrs, region }) =>
    volumeComponents(
      region,
      // The provider's default type is gp2.
      { label: 'Storage', type: attrs.str('type'), sizeGb: attrs.num('size'), iops: attrs.num('iops'), throughputMiBps: attrs.num('throughput'), defaultType: 'gp2' },
      dec(1),
    ),
};
