import { PLACEHOLDER_SOURCE } from '../glossary/placeholder.js';

/** English word lists the post-editing rules share (regex alternations). */

export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

/**
 * Verbs and nouns of motion or direction, with their inflections: after them (anywhere earlier
 * in the clause, "sent two frigates to Toulon"), "to" before a place is a direction and stays.
 */
const MOTION = [
  'go|goes|going|went|gone',
  'return|returns|returned|returning',
  'travel|travels|travelled|traveled|travelling|traveling',
  'send|sends|sent|sending',
  'fly|flies|flew|flown|flying',
  'move|moves|moved|moving',
  'head|heads|headed|heading',
  'flee|flees|fled|fleeing',
  'come|comes|came|coming',
  'arrive|arrives|arrived|arriving',
  'bring|brings|brought|bringing',
  'take|takes|took|taken|taking',
  'transfer|transfers|transferred|transferring',
  'transport|transports|transported|transporting',
  'evacuate|evacuates|evacuated|evacuating',
  'deport|deports|deported|deporting',
  'export|exports|exported|exporting',
  'deliver|delivers|delivered|delivering',
  'drive|drives|drove|driven|driving',
  'walk|walks|walked|walking',
  'march|marches|marched|marching',
  'sail|sails|sailed|sailing',
  'give|gives|gave|given|giving',
  'lead|leads|led|leading',
  'invite|invites|invited|inviting',
  'trip|trips|visit|visits|journey|journeys|flight|flights|way|road|route|routes|access|back',
].join('|');

/** No motion word earlier in the clause (no , ; : . between). */
export const MOTION_BEFORE = `(?<!\\b(?:${MOTION})\\b[^.,;:!?«»“”"]*)`;

/**
 * Not right after a word that takes "to" for its own sake (according to, close to, ambassador
 * to), and not in a "from X to Y" / "between X to Y" range anywhere earlier in the clause, nor "of Paris to Lyon" (« de Paris à Lyon »).
 */
export const NOT_LOCATIVE_BEFORE =
  '(?<!\\b(?:according|thanks|close|next|near|due|similar|compared|contrary|prior|ambassador|ambassadors|envoy|letter|message|call|appeal|support|aid|help|tribute|homage|allegiance|belong|belongs|belonged|related|linked|tied|attached|opposed|equal|addition|relative|respect|regard|answer|reply|response)\\s)(?<!\\b(?:from|between)\\s[^.,;:!?]*)(?<!\\bof (?:\\p{Lu}\\S*|' +
  `${PLACEHOLDER_SOURCE}) )`;
