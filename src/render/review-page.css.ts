/**
 * The review page's stylesheet, inlined into the page (the CSP allows inline styles only).
 * State colours are backed by a text label on every segment, so the page reads without them:
 * in print, in forced-colours mode, and for readers who don't tell the colours apart.
 */
export const REVIEW_PAGE_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff;
  --initial: #6e7781; --initial-bg: #eef1f4; --translated: #0a58ca; --translated-bg: #e3edff;
  --needs-review: #9a4d00; --needs-review-bg: #fff1d6; --reviewed: #1a7f37; --reviewed-bg: #dcf5e3;
  --final: #6639ba; --final-bg: #efe6ff; --term: #fff3b0; --error: #b3261e; --warning: #8a5a00; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--bg); }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.05rem; margin: 1.75rem 0 .5rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: .9rem; margin: 0; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.meta, .provenance, .lang-label { color: var(--muted); font-size: .85rem; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; padding: 0; list-style: none; margin: .75rem 0; }
.counts li { white-space: nowrap; }
.counts strong { font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: .5rem 0 1rem; list-style: none; }
.kind { font-weight: normal; color: var(--muted); }
.segment { border: 1px solid var(--line); border-left: 6px solid var(--state-colour, var(--initial)); border-radius: 4px;
  margin: .75rem 0; padding: .5rem .75rem; break-inside: avoid; page-break-inside: avoid; }
.segment-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .75rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin-top: .35rem; }
.cell { min-width: 0; }
.text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.missing { color: var(--muted); font-style: italic; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600;
  border: 1px solid var(--state-colour); color: var(--state-colour); background: var(--state-bg); }
.state-initial { --state-colour: var(--initial); --state-bg: var(--initial-bg); }
.state-translated { --state-colour: var(--translated); --state-bg: var(--translated-bg); }
.state-needs-review { --state-colour: var(--needs-review); --state-bg: var(--needs-review-bg); }
.state-reviewed { --state-colour: var(--reviewed); --state-bg: var(--reviewed-bg); }
.state-final { --state-colour: var(--final); --state-bg: var(--final-bg); }
mark.term { background: var(--term); color: inherit; border-bottom: 2px dotted var(--ink); padding: 0 .1em; }
.findings, .notes { margin: .5rem 0 0; padding-left: 1.25rem; font-size: .9rem; }
.finding-error .severity { color: var(--error); font-weight: 700; }
.finding-warning .severity { color: var(--warning); font-weight: 700; }
.finding .severity { text-transform: uppercase; font-size: .75rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
details { margin-top: .35rem; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  body { padding: .5rem; }
  .pair { grid-template-columns: 1fr; gap: .35rem; }
  .target { border-top: 1px dashed var(--line); padding-top: .35rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; color: #000; }
  .segment { border-left-width: 1px; border-color: #000; }
  .badge { border-color: #000; color: #000; background: none; }
  mark.term { background: none; border-bottom: 1px solid #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  details > * { display: block; }
}
@media (forced-colors: active) { .segment { border-left-width: 1px; } mark.term { border-bottom: 2px solid; } }
`;
