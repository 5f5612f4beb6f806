/**
 * Segment states to and from XLIFF. The model uses XLIFF 2 names plus `needs-review`.
 */

import type { Provenance, SegmentState } from '../document.js';
import { isPersonsOwn } from '../document-notes.js';

/** A target a person wrote is not machine output; everything else (engines, memory) is. */
export function isMachine(provenance: Provenance | undefined): provenance is Provenance {
  return provenance !== undefined && !isPersonsOwn(provenance);
}

export interface State12 {
  /** `<target state>`; undefined only when there is no target. */
  state: string;
  /** `<target state-qualifier>` (XLIFF 1.2 §4.3 state-qualifier values). */
  qualifier?: string;
  /** `<trans-unit approved="yes">`. */
  approved: boolean;
}

export function toState12(state: SegmentState, provenance: Provenance | undefined): State12 {
  switch (state) {
    case 'initial':
      return { state: 'new', approved: false };
    case 'translated':
      return { state: 'translated', qualifier: qualifier12(provenance), approved: false };
    case 'needs-review':
      return { state: 'needs-review-translation', approved: false };
    case 'reviewed':
      return { state: 'signed-off', approved: true };
    case 'final':
      return { state: 'final', approved: true };
  }
}

function qualifier12(provenance: Provenance | undefined): string | undefined {
  if (!isMachine(provenance)) return undefined;
  return provenance.fromMemory ? 'leveraged-tm' : 'mt-suggestion';
}

/**
 * Reads what other tools write too: approved="yes" means at least reviewed, "final" is final,
 * "signed-off" reviewed, any "needs-*" other than needs-translation asks for review, "new" and
 * "needs-translation" are not translated yet. Without a state, a non-empty target counts as translated.
 */
export function fromState12(
  state: string | undefined,
  approved: boolean,
  target: string | undefined,
): SegmentState {
  if (state === 'final') return 'final';
  if (approved || state === 'signed-off') return 'reviewed';
  if (state === 'new' || state === 'needs-translation') return 'initial';
  if (state?.startsWith('needs-')) return 'needs-review';
  if (state === 'translated') return 'translated';
  return target === undefined || target === '' ? 'initial' : 'translated';
}

/** XLIFF 2 §4.3.1.27 subState is `prefix:value`; ours marks a translated target that needs review. */
export const NEEDS_REVIEW_SUBSTATE = 'versio:needs-review';

export function toState2(state: SegmentState): { state: string; subState?: string } {
  return state === 'needs-review' ? { state: 'translated', subState: NEEDS_REVIEW_SUBSTATE } : { state };
}

export function fromState2(state: string | undefined, subState: string | undefined): SegmentState {
  switch (state) {
    case 'final':
    case 'reviewed':
      return state;
    case 'translated':
      return subState === NEEDS_REVIEW_SUBSTATE ? 'needs-review' : 'translated';
    default:
      // XLIFF 2 §4.3.1.26: state defaults to initial.
      return 'initial';
  }
}
