import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api-session.js';
import { hasChromium, launchChromium } from './chromium.js';
import { recordVisitByKeyboard } from './keyboard-visit.js';
import type { KeyboardVisit } from './keyboard-visit.js';
import { ADMIN, startTestServer } from './start-server.js';
import type { TestServer } from './start-server.js';

/** pdf-parse is the server's devDependency: resolved from there, not added to the admin UI. */
const fromServer = createRequire(fileURLToPath(new URL('../../../server/package.json', import.meta.url)));

async function pdfText(bytes: Buffer): Promise<string> {
  const { PDFParse } = (await import(fromServer.resolve('pdf-parse'))) as { PDFParse: new (o: { data: Uint8Array }) => { getText(): Promise<{ text: string }>; destroy(): Promise<void> } };
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

type Criteria = { framework?: { domains: { standards: { criteria: { id: string; title: string }[] }[] }[] } };

/** One council's visit: what the officer records, which finding the provider challenges. */
interface Loop {
  council: string;
  provider: string;
  draft: (pack: Criteria) => { date: string; judgements?: Record<string, string>; facts: Record<string, unknown> };
  /** The criterion the officer records evidence for and the provider challenges (Birmingham), else a band. */
  criterion?: string;
  /** Recorded through the visit form by keyboard (Birmingham), not through the API: the same judgements as `draft`. */
  keyboard?: KeyboardVisit;
}

/** Every Birmingham criterion Fully met, except the given ones Partly met. */
function birminghamJudgements(pack: Criteria, partly: string[]) {
  const all: Record<string, string> = {};
  for (const d of pack.framework!.domains) for (const s of d.standards) for (const c of s.criteria) all[c.id] = partly.includes(c.id) ? 'Partly met' : 'Fully met';
  return all;
}

const LOOPS: Loop[] = [
  {
    council: 'birmingham',
    provider: 'Rowan Court Home Support',
    // Safeguarding 12 of 15 Fully met: Silver, kept from Gold by the three Partly met (the Birmingham QAF scoring).
    draft: (pack) => ({ date: '2025-03-03', judgements: birminghamJudgements(pack, ['saf-06', 'saf-07', 'saf-08']), facts: { serviceType: 'Home Support' } }),
    criterion: 'saf-08',
    keyboard: { partly: [['Safeguarding and safety', ['saf-06', 'saf-07', 'saf-08']]], evidence: 'Two safeguarding referrals were late' },
  },
  {
    council: 'bolton',
    provider: 'Moss Bank Extra Care',
    // A minor complaints trend appearing: provider quality rating 2 (Bolton's PQR table).
    draft: () => ({ date: '2020-06-01', facts: { providerType: 'Adult social care - CQC regulated', qaActivity: 'QM-1', serviceType: 'Extra Care', oneOrTwoMinorComplaintsDealtWith: true, minorComplaintsTrendAppearing: true } }),
  },
  {
    council: 'herefordshire',
    provider: 'Wye View Care Home',
    draft: () => ({ date: '2025-03-03', facts: { overallCqcRatingOutstandingOrGood: true, feedbackGenerallyPositive: true, littleOrNoQualityConcerns: true } }),
  },
];

describe.skipIf(!hasChromium)('the whole loop: visit, sign-off, share, challenge, answer, final PDF', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiSession;

  beforeAll(async () => {
    server = await startTestServer();
    admin = new ApiSession(server.url);
    await admin.signIn(ADMIN.email, ADMIN.password);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A new browser page signed in through the sign-in form. */
  async function signedIn(email: string, password: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/#/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  it.each(LOOPS)('$council: the officer shares the signed-off report, the provider challenges a finding, the officer answers and makes it final; the provider then records progress on its action plan', async (loop) => {
    const { council } = loop;
    const password = 'report-loop-password';
    const officer = { email: `officer@${council}.example`, password };
    const providerUser = { email: `manager@${council}-provider.example`, password };
    await admin.ok('POST', '/api/users', { ...officer, name: `${council} Officer`, roles: { [council]: 'officer' } });
    const pu = await admin.ok<{ id: string }>('POST', '/api/users', { ...providerUser, name: 'Registered Manager' });
    const officerApi = new ApiSession(server.url);
    await officerApi.signIn(officer.email, password);

    // The officer records the visit with evidence and submits it (Birmingham through the visit form by keyboard,
    // the others through the visits API); the council lead signs it off.
    const { pack } = await officerApi.ok<{ pack: Criteria }>('GET', `/api/councils/${council}/pack`);
    const op = await signedIn(officer.email, password);
    let visitId: string;
    let assessment: string;
    if (loop.keyboard) {
      const provider = await officerApi.ok<{ id: string }>('POST', `/api/councils/${council}/providers`, { name: loop.provider, serviceType: 'Home Support' });
      await op.goto(`${server.url}/#/councils/${council}/providers/${provider.id}`);
      const presses = await recordVisitByKeyboard(op, loop.keyboard);
      console.log(`[report-loop] the ${council} visit by keyboard: ${presses} key presses`);
      expect(presses).toBeLessThan(200);
      visitId = /visits\/([^/?#]+)/.exec(op.url())![1]!;
      const recorded = await officerApi.ok<{ assessmentId: string; draft: { judgements: Record<string, string> } }>('GET', `/api/councils/${council}/visits/${visitId}`);
      // The form recorded exactly the loop's judgements.
      expect(recorded.draft.judgements).toEqual(loop.draft(pack).judgements);
      assessment = recorded.assessmentId;
    } else {
      const provider = await officerApi.ok<{ id: string }>('POST', `/api/councils/${council}/providers`, { name: loop.provider });
      const visit = await officerApi.ok<{ id: string }>('POST', `/api/councils/${council}/visits`, { providerId: provider.id, date: loop.draft(pack).date });
      visitId = visit.id;
      const saved = await officerApi.call('PUT', `/api/councils/${council}/visits/${visit.id}/draft`, { ...loop.draft(pack), note: 'Care records sampled on the day' }, { 'if-match': '"1"' });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const submitted = await officerApi.call<{ assessmentId: string }>('POST', `/api/councils/${council}/visits/${visit.id}/submit`, undefined, { 'if-match': '"2"' });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      assessment = submitted.body.assessmentId;
    }
    await admin.ok('POST', `/api/councils/${council}/visits/${visitId}/sign-off`);
    const { providerId } = await officerApi.ok<{ providerId: string }>('GET', `/api/councils/${council}/visits/${visitId}`);
    const grant = await admin.call('PUT', `/api/councils/${council}/providers/${providerId}/report-users/${pu.id}`);
    expect(grant.status).toBe(204);

    // The officer shares the report from its page.
    await op.goto(`${server.url}/#/councils/${council}/assessments/${assessment}/report`);
    await op.getByText('The visit record is signed off.').waitFor();
    await op.getByRole('button', { name: 'Share with the provider' }).click();
    await op.getByRole('button', { name: 'Make the report final' }).waitFor();

    // The provider user sees only its reports, and comments on one finding.
    const pp = await signedIn(providerUser.email, password);
    await pp.getByRole('heading', { name: 'Your reports' }).waitFor();
    await pp.getByRole('link', { name: /your reports/ }).click();
    await pp.getByRole('link', { name: loop.provider }).click();
    await pp.getByText(/Comments are open until \d{1,2} \w+ \d{4}\./).waitFor();
    const wording = loop.criterion ? pack.framework!.domains.flatMap((d) => d.standards.flatMap((s) => s.criteria)).find((c) => c.id === loop.criterion)!.title : undefined;
    if (loop.criterion) await pp.getByLabel('Finding').selectOption(loop.criterion);
    const challenged = await pp.getByLabel('Finding').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent!);
    await pp.getByLabel('Your comment on its factual accuracy').fill('The referrals log was kept in the office');
    await pp.getByRole('button', { name: 'Send the comment' }).click();
    await pp.getByRole('heading', { name: `On: ${challenged}` }).waitFor();
    expect(await pp.getByRole('link', { name: 'Providers' }).count()).toBe(0);
    // The provider's report page works at 390 px wide without sideways scrolling.
    await pp.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => pp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // It sends its improvement action plan while the report is shared.
    await pp.getByLabel('What will be done').fill('Keep the referrals log up to date');
    await pp.getByLabel('Owner').fill('Registered manager');
    await pp.getByLabel('Due by').fill('2030-01-31');
    await pp.getByRole('button', { name: 'Send the action plan' }).click();
    await pp.getByRole('cell', { name: 'Keep the referrals log up to date' }).waitFor();

    // The officer rejects it with a reason and makes the report final.
    await op.reload();
    await op.getByRole('heading', { name: `On: ${challenged}` }).waitFor();
    await op.getByLabel('Reject').check();
    await op.getByLabel('Reason').fill('The log had no entries after January');
    await op.getByRole('button', { name: 'Record the answer' }).click();
    await op.getByText('Rejected: The log had no entries after January').waitFor();
    await op.getByRole('button', { name: 'Make the report final' }).click();
    await op.getByText('Final report', { exact: true }).waitFor();

    // The final PDF, as the page links it, records the criterion's wording and the answer.
    const link = await op.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    const pdf = await op.request.get(`${server.url}${link}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(await pdf.body());
    expect(text).toContain('Final report');
    expect(text).toContain('The referrals log was kept in the office');
    expect(text).toContain('Rejected: The log had no entries after January');
    expect(text).toContain('Reviewer:');
    if (wording) {
      expect(text).toContain(wording.slice(0, 40));
      expect(text).toContain('Evidence: Two safeguarding referrals were late');
    }
    // Once final, the provider no longer replaces the plan: it records the action as done, with its owner and date.
    await pp.reload();
    await pp.getByText('Final report', { exact: true }).waitFor();
    expect(await pp.getByRole('button', { name: 'Send the action plan' }).count()).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    await pp.getByLabel('Where it stands').selectOption('done');
    await pp.getByLabel('On (date)').fill(today);
    await pp.getByRole('button', { name: 'Record progress on action 1' }).click();
    await pp.getByRole('cell', { name: /^Done on .* \(Registered manager\)$/ }).waitFor();
    await pp.getByText('Every action is done.').waitFor();
    await op.context().close();
    await pp.context().close();
  });
});
