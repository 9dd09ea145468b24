/** Share links: copy, open in a fresh browser, and refuse what is broken without touching the open plan. */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { examplePlan } from '../src/core/examples/example-plan.ts';
import { encodeShareFragment } from '../src/core/share/index.ts';
import { TEMPLATES } from '../src/core/templates/index.ts';
import { expect, test } from './fixtures/portolan.ts';
import { copyLink, currentPlan, fragmentOfText, normalised, planName, useTemplate } from './fixtures/travel.ts';

test.describe('every template survives a share link opened in a fresh browser', () => {
  for (const template of TEMPLATES) {
    test(template.id, async ({ app, page, browser }) => {
      await app.open();
      await useTemplate(page, template.id);
      await expect(planName(page)).toHaveText(template.plan().name);
      const link = await copyLink(page);
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#p1\./);

      // A fresh browser has only the untouched example open: the link opens without asking.
      const fresh = await browser.newContext();
      const other = await fresh.newPage();
      await other.goto(link);
      await expect(planName(other)).toHaveText(template.plan().name);
      await expect(other.getByTestId('dialog.incoming')).toBeHidden();
      // The fragment is gone, so a reload does not ask again.
      expect(new URL(other.url()).hash).toBe('');
      expect(await currentPlan(other)).toEqual(normalised(template.plan()));
      await fresh.close();
    });
  }
});

test.describe('opening a link', () => {
  test('a valid link asks, once the open plan was edited: open as new, replace (undoable) or cancel', async ({ app, page }) => {
    await app.open();
    await app.paletteItem('tbot').click();
    const template = TEMPLATES[1]!;
    const link = `/#${encodeShareFragment(template.plan())}`;

    await page.goto(link);
    await expect(page.getByTestId('dialog.incoming')).toBeVisible();
    await page.getByTestId('incoming.cancel').click();
    await expect(planName(page)).toHaveText(examplePlan().name);
    expect(new URL(page.url()).hash).toBe('');

    await page.goto(link);
    await page.getByTestId('incoming.replace').click();
    await expect(planName(page)).toHaveText(template.plan().name);
    await app.undo();
    await expect(planName(page)).toHaveText(examplePlan().name);

    await page.goto(link);
    await page.getByTestId('incoming.open-new').click();
    await expect(planName(page)).toHaveText(template.plan().name);
    await page.getByTestId('toolbar.plans').click();
    await expect(page.getByTestId('plans.row')).toHaveCount(2);
  });

  test('a link to the plan already open just clears the address', async ({ app, page }) => {
    await app.open();
    await page.goto(`/#${encodeShareFragment(examplePlan())}`);
    await expect(app.node('auth')).toBeVisible();
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.waitForTimeout(300);
    await expect(page.getByTestId('dialog.incoming')).toBeHidden();
  });

  test('a tampered link and a truncated one say what is wrong and keep the current plan', async ({ app, page }) => {
    await app.open();
    await app.paletteItem('tbot').click();
    await expect(app.node('tbot-2')).toBeVisible();
    const fragment = encodeShareFragment(TEMPLATES[0]!.plan());

    // Tampered: one character in the middle changed (arrives by hashchange, without a reload).
    const mid = Math.floor(fragment.length / 2);
    const tampered = fragment.slice(0, mid) + (fragment[mid] === 'A' ? 'B' : 'A') + fragment.slice(mid + 1);
    await page.evaluate((f) => {
      location.hash = f;
    }, tampered);
    const error = page.getByTestId('dialog.plan-error');
    await expect(error).toBeVisible();
    await expect(page.getByTestId('plan-error.message')).toContainText(/damaged|changed/);
    await expect(error).toContainText('was not changed');
    await page.getByTestId('plan-error.close').click();
    await expect(app.node('tbot-2')).toBeVisible();
    await expect(planName(page)).toHaveText(examplePlan().name);

    // Truncated: the second half lost on the way.
    await page.goto(`/#${fragment.slice(0, mid)}`);
    await expect(page.getByTestId('plan-error.message')).toContainText('cut off');
    await page.getByTestId('plan-error.close').click();
    await expect(app.node('tbot-2')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
  });

  test('a link from a newer Portolan and an invalid plan are refused with their reasons', async ({ app, page }) => {
    await app.open();
    const newer = { ...examplePlan(), version: 99 };
    await page.goto(`/#${fragmentOfText(JSON.stringify(newer))}`);
    await expect(page.getByTestId('plan-error.message')).toContainText('made by a newer Portolan');
    await page.getByTestId('plan-error.close').click();

    const bad = examplePlan();
    const proxy = bad.nodes.findIndex((n) => n.kind === 'proxy');
    const broken = JSON.parse(JSON.stringify(bad)) as { nodes: Record<string, unknown>[] };
    broken.nodes[proxy]!.webListenAddr = '0.0.0.0:99999';
    await page.goto(`/#${fragmentOfText(JSON.stringify(broken))}`);
    await expect(page.getByTestId('plan-error.message')).toContainText(`field nodes[${proxy}].webListenAddr`);
    await page.getByTestId('plan-error.close').click();
    await expect(app.node('proxy-1')).toBeVisible();
  });

  test('a link that inflates past the cap is refused quickly', async ({ app, page }) => {
    await app.open();
    // 64 MiB of spaces: a ~90 kB link that would inflate to 64 MiB.
    const bomb = `p1.${deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 }).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    await page.evaluate((f) => {
      location.hash = f;
    }, bomb);
    await expect(page.getByTestId('plan-error.message')).toContainText('more than 4 MB');
    expect(Date.now() - started).toBeLessThan(2000);
    await page.getByTestId('plan-error.close').click();
    await expect(app.node('auth')).toBeVisible();
  });
});

test('Copy link copies, and a long link warns and offers a file', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await page.getByTestId('toolbar.share').click();
  await expect(page.getByTestId('share.status')).toContainText('Link copied to the clipboard');
  const link = await page.getByTestId('share.link').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(page.getByTestId('share.long-warning')).toBeHidden();
  await page.getByTestId('share.done').click();

  // A big plan (long notes that do not compress), opened from a file.
  const big = examplePlan();
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (const n of big.nodes) n.notes = Array.from({ length: 1500 }, () => Math.floor(random() * 36).toString(36)).join('');
  await page.getByTestId('files.input').setInputFiles({ name: 'big.portolan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  await page.getByTestId('incoming.replace').click();
  await page.getByTestId('toolbar.share').click();
  await expect(page.getByTestId('share.long-warning')).toContainText('This link is long');
  expect((await page.getByTestId('share.link').inputValue()).length).toBeGreaterThan(8000);
  const download = page.waitForEvent('download');
  await page.getByTestId('share.save-file').click();
  expect((await download).suggestedFilename()).toBe('example-self-hosted-ha-cluster.portolan.json');
});

/** For people to look at (not compared): `PORTOLAN_SHOTS=1 npx playwright test e2e/share.spec.ts -g screenshots`. */
test.describe('screenshots of sharing, files, library, templates and imports', () => {
  test.skip(!process.env.PORTOLAN_SHOTS, 'screenshots only on demand (PORTOLAN_SHOTS=1)');
  const dir = process.env.PORTOLAN_SHOTS_DIR ?? '/tmp/shots';
  for (const scheme of ['light', 'dark'] as const) {
    test(scheme, async ({ app, page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.emulateMedia({ colorScheme: scheme });
      await app.open();
      const shot = async (name: string) => {
        await page.waitForTimeout(250);
        await page.screenshot({ path: `${dir}/travel-${scheme}-${name}.png` });
      };
      await page.getByTestId('toolbar.share').click();
      await shot('share');
      await page.getByTestId('share.done').click();

      await page.getByTestId('toolbar.templates').click();
      await shot('templates');
      await page.getByTestId('templates.use.ha-l4').click();
      await page.getByTestId('toolbar.plans').click();
      await planRowDelete(page);
      await shot('plans');
      await page.getByTestId('plans.close').click();

      await page.goto(`/#${encodeShareFragment(TEMPLATES[3]!.plan())}`);
      await expect(page.getByTestId('dialog.incoming')).toBeVisible();
      await shot('incoming');
      await page.getByTestId('incoming.cancel').click();

      const fragment = encodeShareFragment(TEMPLATES[3]!.plan());
      await page.goto(`/#${fragment.slice(0, fragment.length / 2)}`);
      await expect(page.getByTestId('dialog.plan-error')).toBeVisible();
      await shot('link-error');
      await page.getByTestId('plan-error.close').click();

      const broken = JSON.parse(JSON.stringify(examplePlan())) as { nodes: Record<string, unknown>[] };
      broken.nodes[2]!.webListenAddr = '0.0.0.0:99999';
      broken.nodes[3]!.webListenAddr = 'nope';
      await page.getByTestId('files.input').setInputFiles({ name: 'broken.portolan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
      await expect(page.getByTestId('dialog.plan-error')).toBeVisible();
      await shot('file-error');
      await page.getByTestId('plan-error.close').click();

      await page.getByTestId('toolbar.import').click();
      await page.getByTestId('import.text').fill(readFileSync('fixtures/import/ping/example-a-cloud.json', 'utf8'));
      await shot('import-ping');
      await page.getByTestId('import.tab.yaml').click();
      await page.getByTestId('import.text').fill('version: v3\nteleport: [');
      await shot('import-error');
      await page.getByTestId('import.cancel').click();

      await page.getByTestId('toolbar.new').click();
      await shot('empty');
    });
  }
});

async function planRowDelete(page: Page): Promise<void> {
  await page.getByTestId('plans.row').last().getByTestId('plans.duplicate').click();
  await expect(page.getByTestId('plans.row')).toHaveCount(3);
  await page.getByTestId('plans.row').last().getByTestId('plans.delete').click();
  await expect(page.getByTestId('plans.undo-toast')).toBeVisible();
}
