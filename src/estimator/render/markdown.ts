/** Markdown report (for wikis and PR descriptions): same facts as the table, plus scenarios per environment. */
import { markdownTable } from '../../report/table.js';
import type { EstimateResult } from '../result.js';
import { rowConvention, sentence, skippedLine } from '../inventory/row-text.js';
import { headerLines, skippedSummary } from './common.js';
import { appsSection, environmentsSection, scenarioEnvironmentsSection, scenariosSection, type Section } from './sections.js';
import { componentLines, hasServiceLines, notPricedLine, SERVICES_CONVENTIONS, servicesSection } from './services.js';

function block(s: Section): string {
  return `### ${s.title}\n\n${markdownTable(s.columns, s.rows)}`;
}

export function estimateMarkdown(r: EstimateResult): string {
  const out: string[] = ['## nuage estimate', '', ...r.warnings.map((w) => `> **Warning:** ${w}\n`), ...headerLines(r).map((l) => `- ${l}`), ''];
  if (r.apps.length > 0) out.push(block(appsSection(r)));
  if (r.pool) out.push(`Node pool: **${r.pool.instanceCount} × ${r.pool.instanceType}**. ${r.pool.reason}`, '');
  if (hasServiceLines(r)) out.push(block(servicesSection(r)), SERVICES_CONVENTIONS.replace(/\*/g, '\\*'), '');
  out.push(block(environmentsSection(r)), block(scenariosSection(r)), block(scenarioEnvironmentsSection(r)));
  const notes = [...new Set(r.scenarios.flatMap((s) => [...s.basis.map((b) => `${s.name}: ${b}`), ...s.notes.map((n) => `${s.name}: ${n}`)]))];
  if (notes.length) out.push('### Scenario basis and notes', '', ...notes.map((n) => `- ${n}`), '');
  if (r.apps.length > 0) out.push('### Why these types', '', ...r.apps.map((a) => `- **${a.app}**: ${a.reason}`), '');
  if (hasServiceLines(r)) out.push('### Service and traffic components (prod, per month)', '', ...componentLines(r).map((l) => `- ${l}`), '');
  const np = notPricedLine(r);
  if (np) out.push(`**${np.replace(':', ':**')}`, '');
  if (r.unsized.length) out.push(`**Not sized (no cost counted):** ${r.unsized.map((u) => `${u.app} (${u.reason})`).join('; ')}`, '');
  const summary = skippedSummary(r);
  if (summary) out.push('### Skipped rows', '', `${summary}. ${sentence(rowConvention(r.sources, r.skipped))}.`, '', ...r.skipped.map((s) => `- ${skippedLine(s)}`), '');
  return out.join('\n').replace(/\n+$/, '\n');
}
