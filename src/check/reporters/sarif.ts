/**
 * SARIF 2.1.0 (OASIS) for GitHub code scanning: one run, tool.driver.rules listing every check, one
 * result per finding with ruleId/ruleIndex, level, message and a physical location (artifactLocation
 * uri relative to the working directory, region startLine/startColumn of the unit in the XLIFF).
 * §3.27.18 partialFingerprints keep an alert's identity when lines move.
 */
import { createHash } from 'node:crypto';
import { version as toolVersion } from '../../version.js';
import { CHECK_IDS, type Finding } from '../finding.js';
import type { CheckReport } from '../report.js';
import { RULES } from '../rules.js';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function sarifReport(report: CheckReport): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'versio',
            version: toolVersion,
            rules: CHECK_IDS.map((id) => ({
              id,
              name: ruleName(id),
              shortDescription: { text: RULES[id].summary },
              fullDescription: { text: RULES[id].details },
              defaultConfiguration: { level: RULES[id].severity },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map(result),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(f: Finding) {
  return {
    ruleId: f.check,
    ruleIndex: CHECK_IDS.indexOf(f.check),
    level: f.severity,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.file),
          region: { startLine: f.line, startColumn: f.column },
        },
        ...(f.unit === '' ? {} : { logicalLocations: [{ name: f.unit, kind: 'element' }] }),
      },
    ],
    partialFingerprints: {
      'versio/v1': createHash('sha256')
        .update(`${f.check}\0${f.file}\0${f.unit}\0${f.text}`)
        .digest('hex')
        .slice(0, 32),
    },
  };
}

/** A relative path becomes a relative URI reference (each segment percent-encoded); an absolute one a file: URI. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  if (path.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(path))
    return { uri: `file:///${path.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}` };
  return { uri: encoded, uriBaseId: '%SRCROOT%' };
}

/** PascalCase rule name (SARIF §3.49.7 suggests an identifier-like name): term-missing → TermMissing. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}
