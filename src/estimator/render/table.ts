/** The default text report, readable at 100 columns. */
import { textTable } from '../../report/table.js';
import type { EstimateResult } from '../result.js';
import { listedRows, rowConvention, sentence } from '../inventory/row-text.js';
import { headerLines, skippedSummary, warningLines, wrap } from './common.js';
import { appsSection, environmentsSection, scenariosSection, type Section } from './sections.js';
import { componentLines, hasServiceLines, notPricedLine, SERVICES_CONVENTIONS, servicesSection } from './services.js';

const WIDTH = 100;

function block(s: Section): string {
  return `${s.title}\n${textTable(s.columns, s.rows)}`;
}

export function estimateTable(r: EstimateResult): string {
  const out: string[] = [];
  const warnings = warningLines(r);
  if (warnings.length) out.push(...warnings.flatMap((l) => wrap(l, WIDTH, '  ')), '');
  out.push(headerLines(r).flatMap((l) => wrap(l, WIDTH, '  ')).join('\n'), '');
  if (r.apps.length > 0) out.push(block(appsSection(r)));
  if (r.pool) out.push(...wrap(`Node pool: ${r.pool.instanceCount} × ${r.pool.instanceType}. ${r.pool.reason}`, WIDTH, '  '), '');
  if (hasServiceLines(r)) {
    out.push(block(servicesSection(r)));
    out.push(...wrap(SERVICES_CONVENTIONS, WIDTH, ''), '');
  }
  out.push(block(environmentsSection(r)));
  out.push(block(scenariosSection(r)));
  const notes = [...new Set(r.scenarios.flatMap((s) => [...s.basis.map((b) => `${s.name}: ${b}`), ...s.notes.map((n) => `${s.name}: ${n}`)]))];
  if (notes.length) out.push('Scenario basis and notes', ...notes.flatMap((n) => wrap(`- ${n}`, WIDTH, '    ')), '');
  if (r.strategy !== 'cluster' && r.apps.length > 0) {
    out.push('Why these types', ...r.apps.flatMap((a) => wrap(`- ${a.app}: ${a.reason}`, WIDTH, '    ')), '');
  }
  if (hasServiceLines(r)) out.push('Service and traffic components (prod, per month)', ...componentLines(r).flatMap((l) => wrap(`- ${l}`, WIDTH, '    ')), '');
  const np = notPricedLine(r);
  if (np) out.push(...wrap(np, WIDTH, '  '), '');
  if (r.unsized.length) out.push(`Not sized (no cost counted): ${r.unsized.map((u) => `${u.app} (${u.reason})`).join('; ')}`, '');
  const summary = skippedSummary(r);
  if (summary) {
    out.push(...wrap(`${summary}. ${sentence(rowConvention(r.sources, r.skipped))}.`, WIDTH, '  '));
    for (const l of listedRows(r.skipped, undefined, ' (see --format json)')) out.push(...wrap(l, WIDTH, '    '));
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
