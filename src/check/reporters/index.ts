/** Output formats of `versio check`; each is a pure function of the report. */
import type { Format } from '../formats.js';
import type { CheckReport } from '../report.js';
import { githubReport } from './github.js';
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { sarifReport } from './sarif.js';
import { textReport } from './text.js';

export interface RenderOptions {
  /** ANSI colour (text format only). */
  color: boolean;
}

export const reporters = {
  text: (report, options) => textReport(report, options),
  json: (report) => jsonReport(report),
  junit: (report) => junitReport(report),
  sarif: (report) => sarifReport(report),
  github: (report) => githubReport(report),
} satisfies Record<Format, (report: CheckReport, options: RenderOptions) => string>;

export function renderReport(format: Format, report: CheckReport, options: RenderOptions): string {
  return reporters[format](report, options);
}
