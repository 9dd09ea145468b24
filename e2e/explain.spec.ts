/**
 * Explain and compare (issue 7), as a user would: trace a path and see it drawn, see what a closed rule,
 * port or link breaks, compare the plan with a file, and keep assertions that turn into findings.
 * Screenshots of a drawn trace and a coloured diff (light and dark) go to $PORTOLAN_SHOTS_DIR (/tmp/shots).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { examplePlan } from '../src/core/examples/example-plan.ts';
import { expect, test } from './fixtures/portolan.ts';
import { useTemplate } from './fixtures/travel.ts';
import type { PortolanPage } from './fixtures/portolan.ts';

const SHOTS = process.env.PORTOLAN_SHOTS_DIR ?? '/tmp/shots';

/** The explain tabs, in the user's words. */
class ExplainTabs {
  readonly hops: Locator;
  readonly breaks: Locator;

  constructor(
    readonly app: PortolanPage,
    readonly page: Page = app.page,
  ) {
    this.hops = page.getByTestId('trace.hop');
    this.breaks = page.getByTestId('breaks.row');
  }

  async open(tab: 'trace' | 'compare' | 'assertions'): Promise<void> {
    await this.page.getByTestId(`tab.${tab}`).click();
  }

  /** Assertions tab: fill the form (ports only for "only these ports") and press Add. */
  async addAssertion(type: string, zone: string, ports?: string): Promise<void> {
    await this.page.getByTestId('assertions.type').selectOption(type);
    await this.page.getByTestId('assertions.zone').selectOption(zone);
    if (ports !== undefined) await this.page.getByTestId('assertions.ports').fill(ports);
    await this.page.getByTestId('assertions.add').click();
  }

  /** Trace tab: pick a client and a target (by node id). */
  async trace(from: string, to: string): Promise<void> {
    await this.open('trace');
    await this.page.getByTestId('explain.mode.trace').click();
    await this.page.getByTestId('trace.from').selectOption(from);
    await this.page.getByTestId('trace.to').selectOption(to);
  }

  hop(from: string, to: string): Locator {
    return this.page.locator(`[data-testid="trace.hop"][data-from="${from}"][data-to="${to}"]`);
  }

  /** Select a node, pick one of its links in the inspector's Links list, and delete that link. */
  async deleteLink(id: string, from: string, toName: string): Promise<void> {
    await this.app.select(this.app.node(from));
    await this.app.inspector.getByRole('region', { name: 'Links' }).getByRole('button', { name: toName, exact: true }).click();
    await expect(this.app.inspector.locator('code', { hasText: `id: ${id}` })).toBeVisible();
    await this.page.getByTestId('inspector.delete').click();
    await expect(this.app.edge(id)).toHaveCount(0);
  }

  /** Screenshot of the window, and of the canvas alone (`<name>-canvas.png`), for people to look at. */
  async shot(name: string): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await this.page.waitForTimeout(400);
    await this.page.screenshot({ path: `${SHOTS}/${name}.png` });
    await this.app.canvas.screenshot({ path: `${SHOTS}/${name}-canvas.png` });
  }
}

test.describe('trace', () => {
  test('through a Relay Service: the SSH leg goes to the relay LB and back over the agent\'s relay tunnel', async ({ app, page }) => {
    const x = new ExplainTabs(app);
    await app.open();
    await useTemplate(page, 'relay-site');
    await expect(app.node('relay-1')).toBeVisible();
    await x.trace('site-users', 'ssh-agents');
    // Through the Proxy first (the default), then via the relays.
    await expect(page.getByTestId('trace.ok')).toContainText('Site engineers reaches Site SSH agents');
    await expect(x.hop('site-users', 'proxy-lb')).toHaveCount(1);
    await page.getByTestId('trace.via').selectOption('relay');
    await expect(x.hops).toHaveCount(4);
    await expect(x.hop('site-users', 'relay-lb')).toHaveAttribute('data-port', '443');
    await expect(x.hop('relay-lb', 'relay-1')).toHaveAttribute('data-port', '3040');
    await expect(x.hop('relay-lb', 'ssh-agents')).toHaveAttribute('data-rule', 'ssh-agents-to-relay-lb-3042-tcp');
    await expect(x.hop('site-users', 'proxy-lb')).toHaveCount(0);
  });

  test('Engineers → Orders DB: every hop with its rule, drawn on the canvas in order', async ({ app, page }) => {
    const x = new ExplainTabs(app);
    await app.open();
    await x.trace('users', 'postgres');

    await expect(page.getByTestId('trace.ok')).toContainText('Engineers reaches Orders DB');
    await expect(x.hops).toHaveCount(5);
    await expect(x.hops.nth(0)).toHaveAttribute('data-from', 'users');
    await expect(x.hops.nth(0)).toHaveAttribute('data-to', 'lb');
    await expect(x.hops.nth(0)).toHaveAttribute('data-port', '443');
    await expect(x.hops.nth(0)).toHaveAttribute('data-rule', 'users-to-lb-443-tcp');
    await expect(x.hop('lb', 'proxy-1')).toHaveAttribute('data-port', '3080');
    // The Proxy reaches the Database agent through the tunnel the agent opened (rule agent → LB on 443).
    const tunnel = x.hop('lb', 'db-agent');
    await expect(tunnel).toHaveAttribute('data-reverse', 'true');
    await expect(tunnel).toHaveAttribute('data-rule', 'db-agent-to-lb-443-tcp');
    await expect(tunnel).toContainText('reverse tunnel');
    await expect(tunnel).toContainText('rides the tunnel opened by Database agent');
    await expect(x.hops.nth(4)).toHaveAttribute('data-from', 'db-agent');
    await expect(x.hops.nth(4)).toHaveAttribute('data-to', 'postgres');
    await expect(x.hops.nth(4)).toHaveAttribute('data-port', '5432');

    // Drawn: the path's nodes numbered in traffic order, its links marked; others untouched.
    for (const [id, step] of [['users', '1'], ['lb', '2'], ['proxy-1', '3'], ['db-agent', '4'], ['postgres', '5']] as const) {
      await expect(app.node(id)).toHaveClass(/is-hl-trace/);
      await expect(page.getByTestId(`node.${id}.step`)).toHaveText(step);
    }
    for (const id of ['users-lb', 'lb-proxy-1', 'db-agent-lb', 'db-agent-postgres']) await expect(app.edge(id)).toHaveClass(/is-hl-trace/);
    await expect(app.node('ssh-agent')).not.toHaveClass(/is-hl-/);
    await expect(app.edge('ssh-agent-lb')).not.toHaveClass(/is-hl-/);
    // Arrowheads take the colour of their line: traced ones stand out, the others stay plain.
    const colours = async (id: string) =>
      page.getByTestId(`edge.${id}`).evaluate((g) => ({
        line: getComputedStyle(g.querySelector('.react-flow__edge-path')!).stroke,
        arrow: getComputedStyle(g.querySelector('.pl-edge__arrow')!).fill,
      }));
    const traced = await colours('db-agent-lb');
    const plain = await colours('ssh-agent-lb');
    expect(traced.arrow).toBe(traced.line);
    expect(plain.arrow).toBe(plain.line);
    expect(traced.arrow).not.toBe(plain.arrow);
    await x.shot(`${test.info().project.name}-trace-light`);

    // The rule of a hop selects that rule in the Rules tab.
    await x.hops.nth(0).getByTestId('trace.hop.rule').click();
    await expect(page.getByTestId('tab.rules')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[data-testid="rules.row"][data-rule-id="users-to-lb-443-tcp"]')).toHaveClass(/is-selected/);
    // Back on the Trace tab, the path is drawn again.
    await x.open('trace');
    await expect(app.node('postgres')).toHaveClass(/is-hl-trace/);
    expect(app.problems).toEqual([]);
  });

  test('a missing hop is named and its node marked; "Trace to here" from the inspector', async ({ app, page }) => {
    const x = new ExplainTabs(app);
    await app.open();
    await x.deleteLink('db-agent-postgres', 'db-agent', 'Orders DB');

    await app.select(app.node('postgres'));
    await page.getByTestId('inspector.trace-to').click();
    await expect(page.getByTestId('tab.trace')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('trace.from')).toHaveValue('users');
    await expect(page.getByTestId('trace.to')).toHaveValue('postgres');
    const missing = page.getByTestId('trace.missing');
    await expect(missing).toContainText('no agent serves Orders DB');
    await expect(missing).toContainText('link an agent running the Database Service');
    await expect(app.node('postgres')).toHaveClass(/is-hl-missing/);
    // The part that works is still listed and drawn.
    await expect(x.hop('users', 'lb')).toBeVisible();
    await expect(app.edge('users-lb')).toHaveClass(/is-hl-trace/);

    // Linking the agent back completes the path.
    await app.undo();
    await expect(page.getByTestId('trace.ok')).toBeVisible();
    await expect(app.node('postgres')).toHaveClass(/is-hl-trace/);
  });
});

test.describe('what breaks', () => {
  test('closing the Database agent tunnel breaks Engineers → Orders DB and nothing of the SSH agent', async ({ app, page }) => {
    const x = new ExplainTabs(app);
    await app.open();
    await app.showTab('rules');
    await page.locator('[data-testid="rules.row"][data-rule-id="db-agent-to-lb-443-tcp"]').click();
    await page.getByTestId('rules.breaks').click();

    await expect(page.getByTestId('breaks.summary')).toContainText('breaks 1 of 4 access paths');
    await expect(x.breaks).toHaveCount(1);
    await expect(x.breaks.first()).toHaveAttribute('data-from', 'users');
    await expect(x.breaks.first()).toHaveAttribute('data-to', 'postgres');
    await expect(x.breaks.first()).toHaveAttribute('data-tool', 'database');
    await expect(page.locator('[data-testid="breaks.row"][data-to="ssh-agent"]')).toHaveCount(0);
    await expect(app.node('postgres')).toHaveClass(/is-hl-broken/);
    await expect(app.edge('db-agent-lb')).toHaveClass(/is-hl-missing/);
    await expect(app.node('ssh-agent')).not.toHaveClass(/is-hl-/);
    await x.shot(`${test.info().project.name}-breaks-light`);

    // A port: 3024 is not used in multiplex mode, so nothing breaks.
    await page.getByTestId('breaks.port').fill('3024');
    await page.getByTestId('breaks.port.check').click();
    await expect(page.getByTestId('breaks.empty')).toContainText('Nothing breaks');
    await expect(x.breaks).toHaveCount(0);
    await page.getByTestId('breaks.port').fill('70000');
    await page.getByTestId('breaks.port.check').click();
    await expect(page.getByRole('alert')).toContainText('1 to 65535');

    // A link, from the inspector.
    await page.getByTestId('edge.kube-agent-kube-api.label').click();
    await page.getByTestId('inspector.breaks').click();
    await expect(x.breaks).toHaveCount(1);
    await expect(x.breaks.first()).toHaveAttribute('data-to', 'kube-api');
    await expect(x.breaks.first()).toHaveAttribute('data-tool', 'kubectl');
  });
});

test('what breaks through a Relay Service: closing port 3042 breaks only the relay path, and "Trace it" traces via the relay', async ({ app, page }) => {
  const x = new ExplainTabs(app);
  await app.open();
  await useTemplate(page, 'relay-site');
  await expect(app.node('relay-1')).toBeVisible();
  await x.open('trace');
  await page.getByTestId('explain.mode.breaks').click();
  await page.getByTestId('breaks.port').fill('3042');
  await page.getByTestId('breaks.port.check').click();
  await expect(x.breaks).toHaveCount(1);
  const row = x.breaks.first();
  await expect(row).toHaveAttribute('data-from', 'site-users');
  await expect(row).toHaveAttribute('data-to', 'ssh-agents');
  await expect(row).toHaveAttribute('data-via', 'relay');
  await expect(row).toContainText('via Relay Service');
  await row.getByTestId('breaks.row.trace').click();
  await expect(page.getByTestId('trace.via')).toHaveValue('relay');
  await expect(page.getByTestId('trace.ok')).toContainText('Site engineers reaches Site SSH agents');
  await expect(x.hop('relay-lb', 'ssh-agents')).toHaveCount(1);
});

test.describe('compare', () => {
  test('with a file of the plan as it was: rules added and removed, coloured on the canvas, CSV download', async ({ app, page }) => {
    // The plan "before": the Database agent dialled Proxy 1 directly, and the Kubernetes agent had no API yet.
    const before = examplePlan();
    before.name = 'Production today';
    before.links = before.links.filter((l) => l.id !== 'db-agent-lb' && l.id !== 'kube-agent-kube-api').concat({ id: 'db-agent-proxy-1', source: 'db-agent', target: 'proxy-1' });
    const dir = mkdtempSync(join(tmpdir(), 'portolan-compare-'));
    const file = join(dir, 'production.portolan.json');
    writeFileSync(file, JSON.stringify(before, null, 2));

    const x = new ExplainTabs(app);
    await app.open();
    await x.open('compare');
    await expect(page.getByTestId('compare.empty')).toBeVisible();
    await page.getByTestId('compare.file').setInputFiles(file);

    await expect(page.getByTestId('compare.summary')).toContainText('production.portolan.json');
    const added = page.getByTestId('compare.rules.added');
    const removed = page.getByTestId('compare.rules.removed');
    await expect(added.locator('[data-rule-id="db-agent-to-lb-443-tcp"]')).toBeVisible();
    await expect(added.locator('[data-rule-id="kube-agent-to-kube-api-6443-tcp"]')).toBeVisible();
    await expect(removed.locator('[data-rule-id^="db-agent-to-proxy-1-"]')).toHaveCount(1);
    await expect(page.getByTestId('compare.links.added')).toContainText('db-agent-lb');
    await expect(page.getByTestId('compare.links.removed')).toContainText('db-agent-proxy-1');

    // Colours: the new links green, the removed rule's end that is still there red.
    await expect(app.edge('db-agent-lb')).toHaveClass(/is-hl-added/);
    await expect(app.edge('kube-agent-kube-api')).toHaveClass(/is-hl-added/);
    await expect(app.node('kube-api')).toHaveClass(/is-hl-added/);
    await expect(app.node('proxy-1')).toHaveClass(/is-hl-removed/);
    await expect(app.node('ssh-agent')).not.toHaveClass(/is-hl-/);
    // The removed link is drawn where it was, dashed red, between the two nodes that are still here.
    const ghost = app.edge('ghost:db-agent-proxy-1');
    await expect(ghost).toHaveClass(/is-hl-removed/);
    await expect(page.getByTestId('edge.ghost:db-agent-proxy-1.label')).toHaveText('removed');
    await x.shot(`${test.info().project.name}-compare-light`);

    const download = page.waitForEvent('download');
    await page.getByTestId('compare.csv').click();
    const csv = await download;
    expect(csv.suggestedFilename()).toBe('example-self-hosted-ha-cluster-change.csv');
    const text = await (await csv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks as Buffer[]).toString('utf8'));
    expect(text.split('\n')[0]).toMatch(/^action,rule_id,/);
    expect(text).toMatch(/^Accept,db-agent-to-lb-443-tcp,/m);
    expect(text).toMatch(/^Remove,db-agent-to-proxy-1-/m);

    await page.getByTestId('compare.clear').click();
    await expect(page.getByTestId('compare.empty')).toBeVisible();
    await expect(app.node('proxy-1')).not.toHaveClass(/is-hl-/);
    await expect(ghost).toHaveCount(0);
  });

  test('a file that is not a plan, and a broken share link, are refused clearly', async ({ app, page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-compare-'));
    const file = join(dir, 'notes.json');
    writeFileSync(file, '{"hello": "world"}');
    const x = new ExplainTabs(app);
    await app.open();
    await x.open('compare');
    await page.getByTestId('compare.file').setInputFiles(file);
    await expect(page.getByTestId('compare.error')).toContainText('notes.json');
    await expect(page.getByTestId('compare.error')).toContainText('not a Portolan plan');
    await page.getByTestId('compare.link').fill('https://example.com/#nothing-here');
    await page.getByTestId('compare.link.go').click();
    await expect(page.getByTestId('compare.error')).toContainText('not a Portolan share link');
  });
});

test.describe('assertions', () => {
  test('"nothing outbound from Private services" is violated by the agents, holds once they are unlinked', async ({ app, page }) => {
    const x = new ExplainTabs(app);
    await app.open();
    await x.open('assertions');
    await expect(page.getByTestId('assertions.empty')).toBeVisible();
    await page.getByTestId('assertions.add').click();
    await expect(page.getByTestId('assertions.error')).toContainText('Choose a zone');

    await x.addAssertion('no-outbound', 'private');
    const row = page.getByTestId('assertions.row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('nothing outbound from zone Private services');
    await expect(row).toHaveAttribute('data-status', 'violated');
    await expect(row.getByTestId('assertions.rule')).toHaveCount(3);
    await expect(row).toContainText('Database agent → Proxy LB 443/tcp');
    await x.shot(`${test.info().project.name}-assertions-light`);

    // The violation is a finding too.
    await app.showTab('findings');
    await expect(page.locator('[data-testid="findings.row"][data-code="PL-ASSERT"]')).toContainText('nothing outbound from zone Private services');

    // Unlink the agents from the load balancer: the assertion holds and the finding goes.
    for (const agent of ['ssh-agent', 'db-agent', 'kube-agent']) await x.deleteLink(`${agent}-lb`, agent, 'Proxy LB');
    await x.open('assertions');
    await expect(row).toHaveAttribute('data-status', 'holds');
    await app.showTab('findings');
    await expect(page.locator('[data-testid="findings.row"][data-code="PL-ASSERT"]')).toHaveCount(0);

    // Adding is one undo step, deleting too; the assertion is saved with the plan.
    await x.open('assertions');
    await page.getByTestId('assertions.delete').click();
    await expect(page.getByTestId('assertions.empty')).toBeVisible();
    await app.undo();
    await expect(row).toHaveCount(1);
    await page.reload();
    await x.open('assertions');
    await expect(page.getByTestId('assertions.row')).toHaveCount(1);
  });

  test('"only 443 from Internet" holds on the example; an invalid port is refused; UDP ports carry /udp', async ({ app, page }) => {
    const x = new ExplainTabs(app);
    await app.open();
    await x.open('assertions');
    await x.addAssertion('only-ports-from', 'internet', '443, 99999');
    await expect(page.getByTestId('assertions.error')).toContainText('Ports');
    await x.addAssertion('only-ports-from', 'internet', '443');
    await expect(page.getByTestId('assertions.row')).toHaveAttribute('data-status', 'holds');
    await expect(page.getByTestId('assertions.row')).toContainText('only 443 reachable from zone Internet');
    // UDP ports are written with /udp; any other suffix is refused with the way to write one.
    await x.addAssertion('only-ports-from', 'dmz', '3025, 3080, 3021/sctp');
    await expect(page.getByTestId('assertions.error')).toContainText('“3021/sctp” is not a port number (write 443, or 3021/udp for a UDP port).');
    await x.addAssertion('only-ports-from', 'dmz', '3025, 3080, 3021/udp');
    const dmz = page.getByTestId('assertions.row').filter({ hasText: 'zone DMZ' });
    await expect(dmz).toContainText('only 3025, 3080, 3021/udp reachable from zone DMZ');
    await expect(dmz).toHaveAttribute('data-status', 'holds');
  });
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('a drawn trace and a coloured diff (screenshots)', async ({ app, page }) => {
    const x = new ExplainTabs(app);
    await app.open();
    await x.trace('users', 'postgres');
    await expect(app.node('postgres')).toHaveClass(/is-hl-trace/);
    await page.getByTestId('trace.focus').click();
    await x.shot(`${test.info().project.name}-trace-dark`);

    const before = examplePlan();
    before.links = before.links.filter((l) => l.id !== 'db-agent-lb').concat({ id: 'db-agent-proxy-1', source: 'db-agent', target: 'proxy-1' });
    const file = join(mkdtempSync(join(tmpdir(), 'portolan-compare-')), 'before.json');
    writeFileSync(file, JSON.stringify(before));
    await x.open('compare');
    await page.getByTestId('compare.file').setInputFiles(file);
    await expect(app.node('proxy-1')).toHaveClass(/is-hl-removed/);
    await x.shot(`${test.info().project.name}-compare-dark`);
  });
});
