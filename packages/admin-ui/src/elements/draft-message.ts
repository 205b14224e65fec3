import { html, nothing } from 'lit';
import type { DraftController } from '../controllers/draft-controller.js';

/**
 * The draft's last message (saved, refused, reapplied), shown at the top of an editor. After a
 * save refused because someone else saved first, it offers "Reload and reapply my changes".
 */
export function draftMessage(d: DraftController) {
  if (!d.message) return nothing;
  return html`<div class="notice ${d.message.kind}" role=${d.message.kind === 'bad' ? 'alert' : 'status'}>${d.message.text}
    ${d.conflict ? html`<p><button ?disabled=${d.saving} @click=${() => d.reapply()}>Reload and reapply my changes</button></p>` : nothing}</div>`;
}
