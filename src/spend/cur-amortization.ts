/**
 * CUR amortization rules (FinOps Foundation focus_converters): the effective (amortized) cost of a
 * line item by its type, the list cost, and the FOCUS pricing category.
 */
import BigImport from 'big.js';
import { parseAmount } from './amount.js';
import { FieldProblem, type Amount } from './field-values.js';

const Big = BigImport as unknown as typeof BigImport;

export type Columns = Record<'spEffective' | 'spTotalCommitment' | 'spUsedCommitment' | 'riEffective' | 'riUnusedUpfront' | 'riUnusedRecurring', number>;

export function effectiveCost(
  type: string | null,
  unblended: Amount,
  riArn: string | null,
  get: (i: number, name: string) => Amount | null,
  col: Columns,
  nameOf: (i: number, fallback: string) => string,
): Amount | null {
  const need = (i: number, name: string): Amount => {
    const a = get(i, name);
    if (!a) throw new FieldProblem(nameOf(i, name), `required for a ${type} line item`);
    return a;
  };
  switch (type) {
    case 'SavingsPlanCoveredUsage':
      return need(col.spEffective, 'savingsPlan/SavingsPlanEffectiveCost');
    case 'DiscountedUsage':
      return need(col.riEffective, 'reservation/EffectiveCost');
    case 'SavingsPlanNegation':
    case 'SavingsPlanUpfrontFee':
      return ZERO;
    case 'SavingsPlanRecurringFee':
      return difference(need(col.spTotalCommitment, 'savingsPlan/TotalCommitmentToDate'), need(col.spUsedCommitment, 'savingsPlan/UsedCommitment'));
    case 'RIFee':
      return total(get(col.riUnusedUpfront, 'reservation/UnusedAmortizedUpfrontFeeForBillingPeriod'), get(col.riUnusedRecurring, 'reservation/UnusedRecurringFee'));
    case 'Fee':
      return riArn ? ZERO : unblended;
    default:
      return unblended;
  }
}

const ZERO = parseAmount('0') as Amount;

function exact(value: InstanceType<typeof Big>): Amount {
  return parseAmount(value.toFixed()) as Amount;
}

function difference(a: Amount, b: Amount): Amount {
  return exact(new Big(a.text).minus(new Big(b.text)));
}

function total(a: Amount | null, b: Amount | null): Amount {
  return exact(new Big(a?.text ?? '0').plus(new Big(b?.text ?? '0')));
}

export function listCost(publicCost: Amount | null, publicRate: Amount | null, usageAmount: string | null): Amount | null {
  if (publicCost) return publicCost;
  if (publicRate && usageAmount !== null) return exact(new Big(publicRate.text).times(new Big(usageAmount)));
  return null;
}

export function pricingCategory(type: string | null, term: string | null, usageType: string | null): string | null {
  if (type === 'DiscountedUsage' || type === 'SavingsPlanCoveredUsage' || type === 'RIFee' || type === 'SavingsPlanRecurringFee') return 'Committed';
  if (usageType?.includes('SpotUsage') || term === 'Spot') return 'Dynamic';
  if (term === 'OnDemand') return 'Standard';
  if (term === 'Reserved') return 'Committed';
  return null;
}

