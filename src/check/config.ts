/**
 * The `check` section of versio.config.json: which checks run and at what severity.
 *   { "check": { "rules": { "number": { "severity": "warning" }, "untranslated": { "enabled": false } } } }
 * Pure: `parseCheckConfig` validates a parsed value; config-file.ts reads the file.
 * Schema for editors: src/check/config.schema.json.
 */
import { InputError } from '../errors.js';
import { CHECK_IDS, type CheckId, SEVERITIES, type Severity } from './finding.js';
import { RULES } from './rules.js';

export interface RuleSetting {
  enabled: boolean;
  severity: Severity;
}

export interface CheckConfig {
  rules: Record<CheckId, RuleSetting>;
}

export function defaultCheckConfig(): CheckConfig {
  const rules = {} as Record<CheckId, RuleSetting>;
  for (const id of CHECK_IDS) rules[id] = { enabled: true, severity: RULES[id].severity };
  return { rules };
}

/** Validates the whole config file's value; only its `check` section is read, other sections belong to other commands. */
export function parseCheckConfig(value: unknown, where: string): CheckConfig {
  const config = defaultCheckConfig();
  if (!isObject(value)) throw new InputError(`${where}: the config must be a JSON object`);
  const check = value.check;
  if (check === undefined) return config;
  if (!isObject(check)) throw new InputError(`${where}: "check" must be an object`);
  for (const key of Object.keys(check)) {
    if (key !== 'rules' && key !== '$comment')
      throw new InputError(`${where}: unknown key "check.${key}"`, { hint: 'expected "rules"' });
  }
  const rules = check.rules;
  if (rules === undefined) return config;
  if (!isObject(rules)) throw new InputError(`${where}: "check.rules" must be an object`);
  for (const [id, setting] of Object.entries(rules)) {
    if (!isCheckId(id)) {
      throw new InputError(`${where}: unknown check "${id}" in check.rules`, {
        hint: `known checks: ${CHECK_IDS.join(', ')}`,
      });
    }
    config.rules[id] = parseRule(setting, config.rules[id], `${where}: check.rules.${id}`);
  }
  return config;
}

function parseRule(value: unknown, defaults: RuleSetting, where: string): RuleSetting {
  if (!isObject(value)) throw new InputError(`${where} must be an object such as { "severity": "warning" }`);
  const rule = { ...defaults };
  for (const [key, v] of Object.entries(value)) {
    if (key === 'enabled') {
      if (typeof v !== 'boolean') throw new InputError(`${where}.enabled must be true or false`);
      rule.enabled = v;
    } else if (key === 'severity') {
      if (!isSeverity(v)) throw new InputError(`${where}.severity must be one of ${SEVERITIES.join(', ')}`);
      rule.severity = v;
    } else {
      throw new InputError(`${where}: unknown key "${key}"`, { hint: 'expected "enabled" or "severity"' });
    }
  }
  return rule;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
