import { LitElement, css, html, nothing } from 'lit';
import type { Citation, Pack } from '@openqaf/engine';
import { sharedStyles } from './shared-styles.js';
import { ownMember } from '@openqaf/engine/browser';

/**
 * A rule's citation ("000 s3.2.2", with the document and section heading on hover) and, when
 * the rule relies on one, the interpretation's title and note.
 */
export class QafCitation extends LitElement {
  static override properties = { source: { attribute: false }, interpretation: {}, pack: { attribute: false } };
  static override styles = [
    sharedStyles,
    css`
      :host { display: inline; }
      cite { font-style: normal; font-size: 0.85rem; color: var(--qaf-muted, #505a5f); white-space: nowrap; }
      details { display: inline-block; font-size: 0.85rem; margin-left: 0.4rem; vertical-align: top; max-width: 100%; }
      summary { font-weight: 400; color: #6b3e00; padding: 0; }
      .note { max-width: min(40rem, 100%); box-sizing: border-box; background: #fff8e0; border-left: 4px solid #c48b00; padding: 0.3rem 0.6rem; }
      @media (max-width: 40rem) { details { display: block; margin-left: 0; } }
    `,
  ];
  declare source: Citation | undefined;
  declare interpretation: string | undefined;
  declare pack: Pack | undefined;

  override render() {
    const s = this.source;
    const doc = s ? ownMember(this.pack?.sources, s.doc) : undefined;
    const heading = s ? ownMember(doc?.sections, s.section) : undefined;
    const section = s && /^[\d.A-Z]+$/i.test(s.section) && !/\s/.test(s.section) ? `s${s.section}` : `"${s?.section}"`;
    const interp = this.interpretation ? ownMember(this.pack?.interpretations, this.interpretation) : undefined;
    return html`${s ? html`<cite title=${`${doc?.title ?? s.doc}${heading ? `, ${heading}` : ''}`}>${s.doc} ${section}</cite>` : nothing}${this.interpretation
      ? html`<details><summary>Interpretation: ${interp?.title ?? this.interpretation}</summary><div class="note">${interp?.note ?? ''}</div></details>`
      : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qaf-citation': QafCitation;
  }
}
customElements.define('qaf-citation', QafCitation);
