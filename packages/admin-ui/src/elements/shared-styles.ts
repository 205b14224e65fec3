import { css } from 'lit';

/**
 * Styles every element shares: readable type, visible keyboard focus, buttons, tables,
 * badges, form fields and field errors. Sized for 1280px desks, 768px tablets and 390px phones.
 */
export const sharedStyles = css`
  :host { display: block; color: var(--qaf-ink, #1b1b1b); }
  h1 { font-size: 1.6rem; margin: 0 0 0.75rem; }
  h2 { font-size: 1.3rem; margin: 1.5rem 0 0.5rem; }
  h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
  p { margin: 0.4rem 0; }
  a { color: var(--qaf-accent, #0b5cad); }
  :focus-visible { outline: 3px solid var(--qaf-focus, #ffdd00); outline-offset: 1px; box-shadow: 0 0 0 5px #0b0c0c; }
  button, .button {
    font: inherit; min-height: 2.5rem; padding: 0.35rem 0.9rem; border-radius: 4px; cursor: pointer;
    border: 1px solid var(--qaf-accent, #0b5cad); background: var(--qaf-accent, #0b5cad); color: #fff; text-decoration: none; display: inline-flex; align-items: center;
  }
  button.secondary, .button.secondary { background: #fff; color: var(--qaf-accent, #0b5cad); }
  button.danger { background: var(--qaf-bad, #b10e1e); border-color: var(--qaf-bad, #b10e1e); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
  th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--qaf-line, #b1b4b6); }
  th { background: var(--qaf-soft, #f3f2f1); font-weight: 600; }
  /* Phones (390 px): long words, ids and code wrap rather than push the page sideways. */
  th, td, p, li, dd, dt, code, a, h1, h2, h3, label, legend, summary { overflow-wrap: anywhere; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  img, svg, input, select, textarea { max-width: 100%; box-sizing: border-box; }
  @media (max-width: 40rem) { th, td { padding: 0.3rem 0.25rem; } }
  /* A wide table scrolls inside its box; positioned so visually hidden text in it (absolute) stays clipped too. */
  .scroll { overflow-x: auto; position: relative; max-width: 100%; }
  /* Flex rows (toolbars, fields): an item may shrink below its content's width rather than push the page. */
  .row > * { min-width: 0; max-width: 100%; }
  .badge { display: inline-block; font-size: 0.8rem; padding: 0 0.4rem; border-radius: 3px; border: 1px solid currentColor; margin-left: 0.25rem; white-space: nowrap; }
  .badge.mandatory { color: #6f0000; }
  .badge.advanced { color: #003078; }
  .muted { color: var(--qaf-muted, #505a5f); }
  .bad { color: var(--qaf-bad, #b10e1e); }
  .good { color: var(--qaf-good, #00703c); }
  label { font-weight: 600; display: block; }
  input, select, textarea { font: inherit; padding: 0.35rem 0.5rem; border: 2px solid #0b0c0c; border-radius: 0; min-height: 2.4rem; box-sizing: border-box; max-width: 100%; }
  input[aria-invalid='true'], select[aria-invalid='true'] { border-color: var(--qaf-bad, #b10e1e); }
  .field-error { color: var(--qaf-bad, #b10e1e); font-weight: 600; margin: 0.2rem 0; }
  .notice { border-left: 5px solid var(--qaf-accent, #0b5cad); background: var(--qaf-soft, #f3f2f1); padding: 0.6rem 0.9rem; margin: 0.75rem 0; }
  .notice.bad { border-color: var(--qaf-bad, #b10e1e); color: inherit; }
  .notice.good { border-color: var(--qaf-good, #00703c); color: inherit; }
  .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; }
  .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  details > summary { cursor: pointer; font-weight: 600; padding: 0.3rem 0; }
`;
