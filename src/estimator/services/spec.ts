/**
 * The managed-service spec of an inventory row of kind `service`: a short text such as
 * `rds db.m5.large multi-az 200 GB`, `dynamodb 50M reads 10M writes 20 GB`, `sqs 300M requests`,
 * `s3 5 TB 20M GET`, `alb 2 LCU`, `nat 800 GB`, `elasticache cache.m5.large redis`. Pure: returns the spec or
 * a problem text (the caller names the file, row and field). Grammar in docs/estimator.md.
 */
import { dec } from '../../money/index.js';
import type { CacheEngine, RdsDeployment, RdsStorageType, SqsQueueType } from '../../catalog/service-keys.js';
import { quantityWords, tokenize } from './spec-tokens.js';

export type ServiceKind = 'rds' | 'dynamodb' | 'sqs' | 's3' | 'alb' | 'nlb' | 'nat' | 'elasticache' | 'eks';
export const SERVICE_KINDS: readonly ServiceKind[] = ['rds', 'dynamodb', 'sqs', 's3', 'alb', 'nlb', 'nat', 'elasticache', 'eks'];

export type ServiceSpec =
  | {
      readonly kind: 'rds';
      readonly instanceClass: string;
      readonly engine: 'mysql' | 'postgres' | 'mariadb';
      readonly deployment: RdsDeployment;
      readonly storageGb?: number;
      readonly storageType?: RdsStorageType;
      readonly iops?: number;
    }
  | { readonly kind: 'dynamodb'; readonly mode: 'on-demand'; readonly readsMillions?: number; readonly writesMillions?: number; readonly storageGb?: number }
  | { readonly kind: 'dynamodb'; readonly mode: 'provisioned'; readonly rcu: number; readonly wcu: number; readonly storageGb?: number }
  | { readonly kind: 'sqs'; readonly queue: SqsQueueType; readonly requestsMillions?: number }
  | { readonly kind: 's3'; readonly storageGb?: number; readonly getMillions?: number; readonly putMillions?: number }
  | { readonly kind: 'alb' | 'nlb'; readonly lcu?: number }
  | { readonly kind: 'nat'; readonly processedGb?: number }
  | { readonly kind: 'elasticache'; readonly nodeType: string; readonly engine: CacheEngine; readonly nodes: number }
  | { readonly kind: 'eks' };

export type SpecResult = { readonly ok: true; readonly spec: ServiceSpec } | { readonly ok: false; readonly problem: string };

const ENGINES: Readonly<Record<string, 'mysql' | 'postgres' | 'mariadb'>> = { mysql: 'mysql', postgres: 'postgres', postgresql: 'postgres', mariadb: 'mariadb' };
const STORAGE_TYPES: Readonly<Record<string, RdsStorageType>> = { gp2: 'gp2', gp3: 'gp3', io1: 'io1', io2: 'io2', standard: 'standard', magnetic: 'standard' };
const CACHE_ENGINES: readonly CacheEngine[] = ['redis', 'memcached', 'valkey'];
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+$/;
/** Engines with license options or Aurora storage: not priced yet. */
const UNPRICED_ENGINES: readonly string[] = ['oracle', 'sqlserver', 'aurora', 'aurora-mysql', 'aurora-postgresql', 'db2'];

class SpecProblem extends Error {}

const fail = (problem: string): never => {
  throw new SpecProblem(problem);
};

/** The words each kind accepts, for error messages. */
const GRAMMAR: Readonly<Record<ServiceKind, string>> = {
  rds: 'rds <class> [mysql|postgres|mariadb] [single-az|multi-az] [<n> GB|TB] [gp2|gp3|io1|io2|magnetic] [<n> IOPS]',
  dynamodb: 'dynamodb [<n> reads] [<n> writes] [<n> GB|TB], or dynamodb provisioned <n> RCU <n> WCU [<n> GB|TB]',
  sqs: 'sqs [standard|fifo] [<n> requests]',
  s3: 's3 [<n> GB|TB] [<n> GET] [<n> PUT]',
  alb: 'alb [<n> LCU]',
  nlb: 'nlb [<n> LCU]',
  nat: 'nat [<n> GB|TB]',
  elasticache: 'elasticache <node type> [redis|memcached|valkey] [<n> nodes]',
  eks: 'eks',
};

export function serviceGrammar(kind: ServiceKind): string {
  return GRAMMAR[kind];
}

export function parseServiceSpec(text: string): SpecResult {
  try {
    return { ok: true, spec: parse(text) };
  } catch (err) {
    if (err instanceof SpecProblem) return { ok: false, problem: err.message };
    throw err;
  }
}

function parse(text: string): ServiceSpec {
  const tokens = tokenize(text, fail);
  const head = tokens.shift();
  if (head === undefined) return fail(`service spec is empty; expected one of: ${SERVICE_KINDS.join(', ')} (e.g. "rds db.m5.large multi-az 200 GB")`);
  if (head.kind !== 'word' || !(SERVICE_KINDS as readonly string[]).includes(head.text)) {
    return fail(`unknown service "${head.raw}"; expected one of: ${SERVICE_KINDS.join(', ')}`);
  }
  const kind = head.text as ServiceKind;
  const words = quantityWords(tokens, GRAMMAR[kind], fail);
  switch (kind) {
    case 'rds':
      return rds(words);
    case 'dynamodb':
      return dynamodb(words);
    case 'sqs': {
      const queue = words.flag(['standard', 'fifo']) as SqsQueueType | undefined;
      const requests = words.take(['requests', 'request', 'reqs', 'req'], 'millions');
      words.done();
      return { kind, queue: queue ?? 'standard', ...opt('requestsMillions', requests) };
    }
    case 's3': {
      words.flag(['standard']);
      const storage = words.take(['gb', 'tb'], 'gb');
      const get = words.take(['get', 'gets'], 'millions');
      const put = words.take(['put', 'puts'], 'millions');
      words.done();
      return { kind, ...opt('storageGb', storage), ...opt('getMillions', get), ...opt('putMillions', put) };
    }
    case 'alb':
    case 'nlb': {
      const lcu = words.take(['lcu', 'lcus'], 'count');
      words.done();
      return { kind, ...opt('lcu', lcu) };
    }
    case 'nat': {
      const gb = words.take(['gb', 'tb'], 'gb');
      words.done();
      return { kind, ...opt('processedGb', gb) };
    }
    case 'elasticache': {
      const nodeType = words.name('node type (e.g. cache.m5.large)', (s) => (INSTANCE_TYPE.test(s) ? (s.startsWith('cache.') ? s : `cache.${s}`) : undefined));
      const engine = (words.flag(CACHE_ENGINES) as CacheEngine | undefined) ?? 'redis';
      const nodes = words.take(['nodes', 'node'], 'count');
      words.done();
      if (nodes !== undefined && (!Number.isInteger(nodes) || nodes < 1)) fail(`the node count must be a whole number ≥ 1, got ${nodes}`);
      return { kind, nodeType, engine, nodes: nodes ?? 1 };
    }
    case 'eks':
      words.done();
      return { kind };
  }
}

function rds(words: ReturnType<typeof quantityWords>): ServiceSpec {
  const instanceClass = words.name('instance class (e.g. db.m5.large)', (s) => (INSTANCE_TYPE.test(s) ? (s.startsWith('db.') ? s : `db.${s}`) : undefined));
  const engineWord = words.flag(Object.keys(ENGINES));
  const deployment = words.flag(['single-az', 'multi-az']) as RdsDeployment | undefined;
  const typeWord = words.flag(Object.keys(STORAGE_TYPES));
  const storage = words.take(['gb', 'tb'], 'gb');
  const iops = words.take(['iops'], 'count');
  const other = words.flag(UNPRICED_ENGINES);
  if (other) fail(`engine "${other}" is not priced by nuage yet; priced engines: mysql (default), postgres, mariadb`);
  words.done();
  return {
    kind: 'rds',
    instanceClass,
    engine: ENGINES[engineWord ?? 'mysql']!,
    deployment: deployment ?? 'single-az',
    ...opt('storageGb', storage),
    ...(typeWord ? { storageType: STORAGE_TYPES[typeWord]! } : {}),
    ...opt('iops', iops),
  };
}

function dynamodb(words: ReturnType<typeof quantityWords>): ServiceSpec {
  const mode = words.flag(['provisioned', 'on-demand']);
  const storage = words.take(['gb', 'tb'], 'gb');
  if (mode === 'provisioned') {
    const rcu = words.take(['rcu', 'rcus'], 'count');
    const wcu = words.take(['wcu', 'wcus'], 'count');
    words.done();
    if (rcu === undefined || wcu === undefined) return fail('provisioned DynamoDB needs both <n> RCU and <n> WCU');
    return { kind: 'dynamodb', mode, rcu, wcu, ...opt('storageGb', storage) };
  }
  const reads = words.take(['reads', 'read', 'rru', 'rrus'], 'millions');
  const writes = words.take(['writes', 'write', 'wru', 'wrus'], 'millions');
  words.done();
  return { kind: 'dynamodb', mode: 'on-demand', ...opt('readsMillions', reads), ...opt('writesMillions', writes), ...opt('storageGb', storage) };
}

function opt<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

/** The spec written back in its canonical form, defaults included: "rds db.m5.large mysql multi-az 200 GB gp2". */
export function describeSpec(s: ServiceSpec): string {
  const n = (v: number): string => dec(v).toString();
  const q = (v: number | undefined, unit: string): string[] => (v === undefined ? [] : [`${n(v)} ${unit}`]);
  /** Millions written with an M suffix: 50 → "50M reads". */
  const m = (v: number | undefined, word: string): string[] => (v === undefined ? [] : [`${n(v)}M ${word}`]);
  switch (s.kind) {
    case 'rds':
      return ['rds', s.instanceClass, s.engine, s.deployment, ...q(s.storageGb, 'GB'), ...(s.storageType ? [s.storageType] : []), ...q(s.iops, 'IOPS')].join(' ');
    case 'dynamodb':
      return s.mode === 'provisioned'
        ? ['dynamodb provisioned', `${n(s.rcu)} RCU`, `${n(s.wcu)} WCU`, ...q(s.storageGb, 'GB')].join(' ')
        : ['dynamodb on-demand', ...m(s.readsMillions, 'reads'), ...m(s.writesMillions, 'writes'), ...q(s.storageGb, 'GB')].join(' ');
    case 'sqs':
      return ['sqs', s.queue, ...m(s.requestsMillions, 'requests')].join(' ');
    case 's3':
      return ['s3 standard', ...q(s.storageGb, 'GB'), ...m(s.getMillions, 'GET'), ...m(s.putMillions, 'PUT')].join(' ');
    case 'alb':
    case 'nlb':
      return [s.kind, ...q(s.lcu, 'LCU')].join(' ');
    case 'nat':
      return ['nat', ...q(s.processedGb, 'GB')].join(' ');
    case 'elasticache':
      return ['elasticache', s.nodeType, s.engine, `${s.nodes} node${s.nodes === 1 ? '' : 's'}`].join(' ');
    case 'eks':
      return 'eks';
  }
}

