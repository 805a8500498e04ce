/**
 * aws_sqs_queue: requests (usage: monthly_requests_millions), standard or FIFO by `fifo_queue`. AWS bills each
 * 64 KB chunk of a payload as one request; the first million requests a month per account are free (not deducted).
 */
import { sqsRequests } from '../../catalog/service-keys.js';
import { isKnown } from '../attrs.js';
import { service } from '../components.js';
import type { ResourceModel } from '../resource-model.js';

export const awsSqsQueue: ResourceModel = {
  types: ['aws_sqs_queue'],
  components({ attrs, region }) {
    const fifo = attrs.bool('fifo_queue');
    const type = fifo === true ? 'fifo' : 'standard';
    return [
      {
        name: `Requests (${type})`,
        unit: 'million requests',
        usageKey: 'monthly_requests_millions',
        price: service(region, sqsRequests(type)),
        ...(isKnown(fifo) ? {} : { note: 'fifo_queue not set: standard queue' }),
      },
    ];
  },
};
