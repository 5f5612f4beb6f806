/**
 * Which post-editing families run: `VERSIO_POSTEDIT` = `none`, `all`, or a comma list of
 * family names; unset: the default families. Read by the Apertium provider from its env, so
 * the bench can measure each family alone without a flag in the CLI.
 */
import { InputError } from '../errors.js';
import { allFamilies, defaultFamilies, styleFamilies } from './rules.js';
import type { EnglishStyle, PostEditFamily } from './types.js';

/** The families `setting` names, without the house-style families when `style` is `none`. */
export function postEditFamilies(
  setting: string | undefined,
  style: EnglishStyle = 'ap',
): ReadonlySet<PostEditFamily> {
  const chosen = namedFamilies(setting);
  if (style === 'none') for (const family of styleFamilies) chosen.delete(family);
  return chosen;
}

function namedFamilies(setting: string | undefined): Set<PostEditFamily> {
  const value = setting?.trim();
  if (value === undefined || value === '') return new Set(defaultFamilies);
  if (value === 'none') return new Set();
  if (value === 'all') return new Set(allFamilies);
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(allFamilies as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new InputError(`VERSIO_POSTEDIT: unknown post-editing family ${unknown.join(', ')}`, {
      hint: `families: ${allFamilies.join(', ')}; or none, all`,
    });
  }
  return new Set(names as PostEditFamily[]);
}
