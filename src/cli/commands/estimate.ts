/** `nuage estimate <inventory...>`: on-prem inventory → instance types, counts and monthly cost per app and environment. */
import type { Command } from 'commander';
import { NotFoundError, UsageError } from '../../errors.js';
import type { Catalog } from '../../catalog/types.js';
import { estimate } from '../../estimator/estimate.js';
import { parseGroupBy } from '../../estimator/grouping.js';
import { decodeUtf8 } from '../../estimator/inventory/decode-text.js';
import { EVENING_PEAK, parseLoadProfile } from '../../estimator/load-profile.js';
import {
  ARCH_CHOICES,
  DEFAULT_ENV_RATIOS,
  DEFAULT_HOURS_PER_MONTH,
  DEFAULT_REGION,
  estimateOptions,
  parseEnvRatios,
  selectEnvironments,
  type ArchChoice,
  type EstimateOptions,
  type LoadProfile,
} from '../../estimator/options.js';
import { ESTIMATE_FORMATS, renderEstimate } from '../../estimator/render/index.js';
import { dec } from '../../money/index.js';
import { OFFERING_CLASSES, PAYMENT_OPTIONS, type OfferingClass, type PaymentOption } from '../../catalog/types.js';
import { checkStoreLocation, withWritableStore } from '../../store/db.js';
import { saveBudget } from '../../store/budgets-repo.js';
import { configFx, type ResolvedConfig } from '../config.js';
import { configFlags, globalOptions, pickFormat, savedName, userPath, withGlobalOptions, type CliContext, type CliIo, type CommandModule, type GlobalOptions } from '../context.js';
import { readUserFile } from '../files.js';
import { openCatalog } from '../catalog-source.js';
import { readInventoryFiles } from '../inventory-files.js';

export interface EstimateDeps {
  /** Opens the price catalog (the data/ snapshot, refreshed prices from the store when present). */
  readonly openCatalog: (globals: GlobalOptions, io: CliIo) => Catalog | Promise<Catalog>;
}

interface RawOpts {
  region?: string;
  family?: string;
  families?: string;
  strategy?: string;
  arch?: string;
  allow?: string;
  headroom?: string;
  ha?: boolean;
  minInstances?: string;
  hoursPerMonth?: string;
  currency?: string;
  usdEur?: string;
  env?: string;
  envOnly?: string;
  profile?: string;
  onpremMonthly?: string;
  groupBy?: string;
  hostClock?: string;
  rvtoolsCpu?: string;
  riClass?: string;
  riPayment?: string;
  skipInvalid?: boolean;
  save?: string;
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got "${value}"`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag}: expected one of ${allowed.join(', ')}, got "${value}"`);
}

const ALLOW_WORDS = ['burstable', 'metal', 'gpu', 'previous-generation'] as const;

function loadProfile(spec: string | undefined, io: CliIo): LoadProfile {
  if (spec === undefined || spec === 'evening-peak') return EVENING_PEAK;
  if (spec === 'flat') return { name: 'flat (always at peak)', factors: Array.from({ length: 24 }, () => 1) };
  const bytes = readUserFile(io, spec, 'load profile: 24 hourly factors, or use evening-peak, flat');
  return parseLoadProfile(decodeUtf8(bytes, spec), spec);
}

/**
 * Flags → validated, complete options. Exported for the API, which takes the same vocabulary. Region,
 * currency, hours per month, FX rate and environment ratios come from the resolved configuration
 * (flags > config file > environment > defaults: `resolveConfig(io, { region: o.region, … })`).
 */
export function optionsFromFlags(o: RawOpts, io: CliIo, config: ResolvedConfig): EstimateOptions {
  const { values } = config;
  const currency = values.currency;
  const fx = configFx(config, io);
  const strategy = oneOf(o.strategy, ['cheapest-fit', 'cluster', 'family'] as const, '--strategy');
  if (strategy === 'family' && !o.family) throw new UsageError('--strategy family needs --family <name>, e.g. --family m5');
  const allow = new Set((o.allow ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  for (const a of allow) if (!(ALLOW_WORDS as readonly string[]).includes(a)) throw new UsageError(`--allow: unknown "${a}"; expected any of ${ALLOW_WORDS.join(', ')}`);
  const arch = oneOf<ArchChoice>(o.arch, ARCH_CHOICES, '--arch') ?? 'x86_64';
  const minFlag = number(o.minInstances, '--min-instances');
  let envs = values.envRatios !== undefined ? parseEnvRatios(values.envRatios, DEFAULT_ENV_RATIOS) : [...DEFAULT_ENV_RATIOS];
  if (o.envOnly) envs = selectEnvironments(envs, o.envOnly);
  const onprem = number(o.onpremMonthly, '--onprem-monthly');
  if (onprem !== undefined && onprem <= 0) throw new UsageError('--onprem-monthly must be a positive amount');
  const families = o.families?.split(',').map((s) => s.trim()).filter(Boolean);
  return estimateOptions(
    {
      region: values.region,
      hoursPerMonth: values.hoursPerMonth,
      currency,
      fx,
      environments: envs,
      headroomPct: number(o.headroom, '--headroom') ?? 0,
      minInstances: minFlag ?? (o.ha ? 2 : 1),
      strategy: strategy === 'cluster' ? 'cluster' : o.family ? 'family' : 'cheapest-fit',
      types: {
        ...(o.family ? { family: o.family } : {}),
        ...(families && families.length ? { families } : {}),
        arch,
        allowBurstable: allow.has('burstable'),
        allowMetal: allow.has('metal'),
        allowGpu: allow.has('gpu'),
        allowPreviousGeneration: allow.has('previous-generation'),
      },
      groupBy: parseGroupBy(o.groupBy ?? 'auto'),
      loadProfile: loadProfile(o.profile, io),
      reserved: {
        offeringClass: oneOf<OfferingClass>(o.riClass, OFFERING_CLASSES, '--ri-class') ?? 'standard',
        paymentOption: oneOf<PaymentOption>(o.riPayment, PAYMENT_OPTIONS, '--ri-payment') ?? 'no-upfront',
      },
      ...(o.onpremMonthly !== undefined ? { onpremMonthly: dec(o.onpremMonthly).toString() } : {}),
      skipInvalid: o.skipInvalid === true,
    },
    EVENING_PEAK,
  );
}

export function estimateCommand(deps: EstimateDeps): CommandModule {
  return (program: Command, ctx: CliContext) => {
    const command = withGlobalOptions(
      program
        .command('estimate')
        .description('Estimate the monthly AWS cost of an on-prem inventory, per app and environment')
        .argument('<inventory...>', 'inventory files: CSV/JSON (app,vm,env,peak_cpu_ghz,peak_ram_gb…), RVTools .xlsx or tab CSVs, Migration Hub CSV')
        .option('--region <region>', `AWS region (default: config file, $NUAGE_REGION, else ${DEFAULT_REGION})`)
        .option('--family <family>', 'pin one instance family, e.g. m5')
        .option('--families <list>', 'families cheapest-fit may use, e.g. m6i,m7i,c6i,r6i')
        .option('--strategy <strategy>', 'cheapest-fit (default) | cluster (one node pool for all apps)')
        .option('--arch <arch>', 'x86_64 (default) | arm64 | any')
        .option('--allow <list>', 'also consider: burstable, metal, gpu, previous-generation')
        .option('--headroom <pct>', 'extra capacity over the peak, percent (default 0)')
        .option('--ha', 'at least 2 instances per app')
        .option('--min-instances <n>', 'minimum instances per app (default 1, 2 with --ha)')
        .option('--hours-per-month <h>', `hours billed per month (default: config file, $NUAGE_HOURS_PER_MONTH, else ${DEFAULT_HOURS_PER_MONTH}; 720 = 30 days)`)
        .option('--currency <currency>', 'EUR | USD (default: config file, $NUAGE_CURRENCY, else EUR)')
        .option('--usd-eur <rate>', 'EUR per 1 USD, overriding the dated ECB rate in data/ (default: config file, $NUAGE_USD_EUR)')
        .option('--env <ratios>', 'environment ratios to prod, e.g. staging=0.5,dev=0.2 (default: config file envRatios, $NUAGE_ENV_RATIOS, else prod=1,staging=0.4,dev=0.2,sandbox=0.1)')
        .option('--env-only <list>', 'only these environments, e.g. prod,staging')
        .option('--profile <file>', 'daily load profile: 24 hourly factors in a file, or evening-peak (default) | flat')
        .option('--onprem-monthly <amount>', 'current on-prem monthly cost (output currency) for the cloud/on-prem ratio')
        .option('--group-by <spec>', 'apps by: auto (default) | app | folder | cluster | pattern:<regex on VM name>')
        .option('--host-clock <ghz>', 'on-prem host clock for rows with vcpus × peak_cpu_pct and no host clock')
        .option('--rvtools-cpu <basis>', 'RVTools CPU demand: used (vCPU Overall, default) | allocated (CPUs × host Speed)')
        .option('--ri-class <class>', 'reserved scenarios: standard (default) | convertible')
        .option('--ri-payment <option>', 'reserved scenarios: no-upfront (default) | partial-upfront | all-upfront')
        .option('--skip-invalid', 'estimate the valid rows and list the invalid ones (default: invalid rows are an error)')
        .option('--save <name>', 'save this estimate as a named budget in the database'),
      ESTIMATE_FORMATS,
    );
    configFlags(command, { region: 'region', currency: 'currency', hoursPerMonth: 'hoursPerMonth', usdEur: 'usdEur', envRatios: 'env' });
    command.action(async (files: string[], raw: RawOpts, cmd: Command) => {
      const io = ctx.io;
      const globals = await globalOptions(cmd, io);
      const format = pickFormat(globals.format, ESTIMATE_FORMATS);
      const saveAs = raw.save !== undefined ? savedName('--save', raw.save) : undefined;
      if (saveAs !== undefined) checkStoreLocation(globals.db);
      const options = optionsFromFlags(raw, io, globals.config);
      const hostClock = number(raw.hostClock, '--host-clock');
      const rvtoolsCpu = oneOf(raw.rvtoolsCpu, ['used', 'allocated'] as const, '--rvtools-cpu');
      const inventory = await readInventoryFiles(
        files.map((f) => ({ path: userPath(io, f), shown: f })),
        { ...(hostClock !== undefined ? { hostClockGhz: hostClock } : {}), ...(rvtoolsCpu ? { rvtoolsCpu } : {}) },
      );
      const catalog = await deps.openCatalog(globals, io);
      if (!catalog.regions().includes(options.region)) {
        throw new NotFoundError(`region "${options.region}" is not in the price catalog; known: ${catalog.regions().join(', ')}`);
      }
      const result = estimate(inventory, catalog, options);
      io.stdout(renderEstimate(result, format));
      if (saveAs !== undefined) {
        const saved = await withWritableStore(globals.db, (store) => saveBudget(store, { name: saveAs, result, inputs: files, flags: raw as Record<string, unknown>, now: io.now() }));
        io.stderr(`${saved.replaced ? 'Replaced' : 'Saved'} budget "${saved.name}" in ${globals.db}\n`);
      }
    });
  };
}

/** The real dependencies: the data/ snapshot catalog (layered with refreshed prices when that exists). */
export const defaultEstimateDeps: EstimateDeps = { openCatalog: (globals) => openCatalog(globals) };
