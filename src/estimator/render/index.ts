import type { EstimateResult } from '../result.js';
import { estimateCsv } from './csv.js';
import { estimateJson } from './json.js';
import { estimateMarkdown } from './markdown.js';
import { estimateTable } from './table.js';

export const ESTIMATE_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type EstimateFormat = (typeof ESTIMATE_FORMATS)[number];

export function renderEstimate(r: EstimateResult, format: EstimateFormat): string {
  switch (format) {
    case 'table':
      return estimateTable(r);
    case 'json':
      return JSON.stringify(estimateJson(r), null, 2) + '\n';
    case 'csv':
      return estimateCsv(r);
    case 'markdown':
      return estimateMarkdown(r);
  }
}
