/** Issue 4: building a plan by hand on the canvas, as a user would. */
import { PALETTE, freeId } from '../src/core/catalog/kinds.ts';
import { PortolanPage, expect, test } from './fixtures/portolan.ts';
import { examplePlan } from '../src/core/examples/example-plan.ts';
import { openPlans, planName, planRow } from './fixtures/travel.ts';

/** What a palette item creates on an empty plan (test ids). */
function createdTestIds(itemId: string): string[] {
  const item = PALETTE.find((p) => p.id === itemId)!;
  const taken = new Set(['main']);
  switch (item.target.type) {
    case 'zone':
      return [`zone.${freeId(item.idBase, taken)}`];
    case 'node':
      return [`node.${freeId(item.idBase, taken)}`];
    case 'leaf-cluster':
      return [`node.${item.idBase}-auth`, `node.${item.idBase}-proxy`];
  }
}

test.describe('canvas editor', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
  });

  test('every palette kind can be dragged onto the canvas', async ({ app, page }) => {
    await page.getByTestId('toolbar.new').click();
    await expect(page.getByTestId('canvas.empty')).toBeVisible();
    const pane = await app.boxOf(app.pane);
    const drop = { x: Math.round(pane.width / 2), y: Math.round(pane.height / 2) };
    for (const item of PALETTE) {
      await app.dragFromPalette(item.id, drop);
      for (const testId of createdTestIds(item.id)) {
        await expect(page.getByTestId(testId), `${item.id} creates ${testId}`).toBeVisible();
      }
      // Dropped where the pointer was: the drop point is in the middle of the new card (cards are
      // placed by a default size; a card whose name wraps ends up a few pixels taller).
      if (item.target.type === 'node') {
        const box = await app.boxOf(page.getByTestId(createdTestIds(item.id)[0]!));
        expect(Math.abs(box.x + box.width / 2 - (pane.x + drop.x)), `${item.id} x`).toBeLessThan(6);
        expect(Math.abs(box.y + box.height / 2 - (pane.y + drop.y)), `${item.id} y`).toBeLessThan(box.height / 8);
      }
      await app.undo();
      await expect(page.getByTestId('canvas.empty')).toBeVisible();
    }
    expect(app.problems).toEqual([]);
  });

  test('a node dropped into a zone becomes a member and moves with the zone', async ({ app }) => {
    const tbot = app.node('tbot');
    const auth = app.node('auth');
    const dmz = await app.boxOf(app.zone('dmz'));
    const start = await app.boxOf(tbot);
    // Drag the tbot from the CI zone into an empty corner of the DMZ.
    const target = { x: dmz.x + dmz.width * 0.3, y: dmz.y + dmz.height * 0.86 };
    await app.drag(tbot, { x: target.x - (start.x + 30), y: target.y - (start.y + 12) });
    await app.select(tbot);
    await expect(app.inspector.getByTestId('field.zone')).toHaveValue('dmz');

    const before = await app.boxOf(tbot);
    const authBefore = await app.boxOf(auth);
    await app.drag(app.zone('dmz'), { x: 40, y: 60 }, { x: 60, y: 10 });
    const after = await app.boxOf(tbot);
    expect(Math.abs(after.x - before.x - 40)).toBeLessThan(2);
    expect(Math.abs(after.y - before.y - 60)).toBeLessThan(2);
    expect(await app.boxOf(auth)).toEqual(authBefore);

    // Moving the zone was one step: one undo puts zone and member back.
    await app.undo();
    const undone = await app.boxOf(tbot);
    expect(undone.x).toBeCloseTo(before.x, 0);
    expect(undone.y).toBeCloseTo(before.y, 0);
  });

  test('a drag is undone and redone in one step each', async ({ app, page }) => {
    await expect(page.getByTestId('toolbar.undo')).toBeDisabled();
    const proxy = app.node('proxy-2');
    const start = await app.boxOf(proxy);
    await app.drag(proxy, { x: 90, y: 50 });
    const moved = await app.boxOf(proxy);
    expect(Math.abs(moved.x - start.x - 90)).toBeLessThan(2);
    await app.undo();
    expect(await app.boxOf(proxy)).toEqual(start);
    await expect(page.getByTestId('toolbar.undo')).toBeDisabled();
    await app.redo();
    expect(await app.boxOf(proxy)).toEqual(moved);
    await expect(page.getByTestId('toolbar.redo')).toBeDisabled();
    // The keyboard does the same.
    await app.pressShortcut('Control+z');
    expect(await app.boxOf(proxy)).toEqual(start);
    await app.pressShortcut('Control+Shift+z');
    expect(await app.boxOf(proxy)).toEqual(moved);
    await app.pressShortcut('Control+z');
    await app.pressShortcut('Control+y');
    expect(await app.boxOf(proxy)).toEqual(moved);
  });

  test('selection alone makes no undo step', async ({ app, page }) => {
    await app.select(app.node('auth'));
    await app.select(app.zone('dmz'));
    await app.pressShortcut('Escape');
    await expect(page.getByTestId('toolbar.undo')).toBeDisabled();
  });

  test('delete a node and undo', async ({ app }) => {
    await app.select(app.node('ssh-agent'));
    await app.pressShortcut('Delete');
    await expect(app.node('ssh-agent')).toHaveCount(0);
    await expect(app.edge('ssh-agent-lb')).toHaveCount(0);
    await app.pressShortcut('Control+z');
    await expect(app.node('ssh-agent')).toBeVisible();
    await expect(app.edge('ssh-agent-lb')).toBeAttached();
  });

  test('select all, copy, paste and duplicate', async ({ app, page }) => {
    await app.select(app.node('auth'));
    await app.pressShortcut('Control+c');
    await app.pressShortcut('Control+v');
    await expect(app.node('auth-2')).toBeVisible();
    await app.pressShortcut('Control+d');
    await expect(app.node('auth-3')).toBeVisible();
    await app.pressShortcut('Control+a');
    await expect(page.locator('.pl-node.is-selected')).toHaveCount(13);
    await expect(app.inspector).toContainText('items selected');
  });

  test('nodes copied in one tab paste into another plan in another tab, through the system clipboard', async ({ app, page }) => {
    // Copy the Database agent, its database and the link between them.
    await app.select(app.node('db-agent'));
    await app.node('postgres').click({ modifiers: ['Shift'] });
    await expect(page.locator('.pl-node.is-selected')).toHaveCount(2);
    await app.pressShortcut('Control+c');
    await expect(app.toasts.filter({ hasText: 'Copied 2 items' })).toBeVisible();

    const other = new PortolanPage(await page.context().newPage());
    await other.open();
    await other.page.getByTestId('toolbar.new').click();
    await expect(other.page.getByTestId('canvas.empty')).toBeVisible();
    await other.pane.click();
    await other.pressShortcut('Control+v');
    await expect(other.node('db-agent')).toBeVisible();
    await expect(other.node('postgres')).toBeVisible();
    await expect(other.edge('db-agent-postgres')).toBeAttached();
    await expect(other.node('auth')).toHaveCount(0);
  });

  test('pasting text that is not Portolan nodes says why and changes nothing', async ({ app, page }) => {
    // Put ordinary text on the clipboard the way a user would: select it in a text field and copy.
    const name = app.inspector.getByTestId('plan.name');
    await name.fill('{"type": "portolan-plan", "version": 1, "nodes": 3}');
    await name.selectText();
    await app.pressShortcut('Control+c');
    await app.pressShortcut('Escape');
    await name.fill('Example');
    await name.blur();
    const nodes = await page.locator('.pl-node').count();
    await app.pane.click();
    await app.pressShortcut('Control+v');
    await expect(app.toasts.filter({ hasText: 'Nothing pasted' })).toContainText('nodes');
    await expect(page.locator('.pl-node')).toHaveCount(nodes);
  });

  test('zoomed far out, cards keep their name and colour only; zooming in brings the details back', async ({ app, page }) => {
    const auth = app.node('auth');
    await expect(auth.locator('.pl-node__kind')).toBeVisible();
    const zoomOut = page.locator('.react-flow__controls-zoomout');
    const canvas = page.getByTestId('canvas');
    // A card's own size and the width its name wraps in (untransformed) are the same at every zoom, so a
    // name cannot wrap differently and no link or zone moves at the threshold.
    const sizes = () => page.locator('.react-flow__node:not(.react-flow__node-zone)').evaluateAll((els) =>
      els.map((el) => `${(el as HTMLElement).offsetWidth}x${(el as HTMLElement).offsetHeight}, text ${(el.querySelector('.pl-node__text') as HTMLElement).offsetWidth}`),
    );
    const near = await sizes();
    for (let i = 0; i < 12 && !(await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomOut.click();
    await expect(canvas).toHaveClass(/is-far/);
    expect(await sizes()).toEqual(near);
    await expect(auth.locator('.pl-node__kind')).toBeHidden();
    await expect(auth.locator('.pl-node__icon')).toBeHidden();
    await expect(auth.locator('.pl-node__name')).toBeVisible();
    // Still a node to select and drag.
    const start = await app.boxOf(auth);
    await app.drag(auth, { x: 40, y: 30 }, { x: start.width / 2, y: start.height / 2 });
    const moved = await app.boxOf(auth);
    expect(Math.abs(moved.x - start.x - 40)).toBeLessThan(3);
    await expect(app.inspector.getByTestId('field.name')).toHaveValue('Auth');
    const zoomIn = page.locator('.react-flow__controls-zoomin');
    for (let i = 0; i < 12 && (await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomIn.click();
    await expect(auth.locator('.pl-node__kind')).toBeVisible();
    await expect(auth.locator('.pl-node__icon')).toBeVisible();
    expect(app.problems).toEqual([]);
  });

  test('grips show on the hovered card only; a link dropped anywhere on a card links to it, and a drop on the pane links nothing', async ({ app, page }) => {
    const pane = await app.proxyAndAgent();
    const agent = app.node('ssh-agent');
    const proxy = app.node('proxy');
    await page.mouse.click(pane.x + 20, pane.y + 20);
    await expect(agent.locator('.react-flow__handle.pl-handle')).toHaveCount(0);
    await agent.hover();
    await expect(agent.locator('.react-flow__handle.pl-handle')).toHaveCount(4);
    await expect(proxy.locator('.react-flow__handle.pl-handle')).toHaveCount(0);

    const edges = page.locator('[data-testid^="edge."][data-from]');
    const line = page.getByTestId('connection-line');
    const drawFromGrip = async (to: { x: number; y: number }, overCard: boolean) => {
      await agent.hover();
      const grip = await app.boxOf(agent.locator('.react-flow__handle-right'));
      const from = { x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
      // The line being drawn ends with an arrowhead only over the card it will link to.
      await expect(line).toBeVisible();
      await expect(line.locator('.pl-connection-line__arrow')).toHaveCount(overCard ? 1 : 0);
      await page.mouse.up();
      await expect(line).toHaveCount(0);
    };
    // Dropped on the pane, between the cards: no link.
    const target = await app.boxOf(proxy);
    await drawFromGrip({ x: target.x - 80, y: target.y + target.height + 60 }, false);
    await expect(edges).toHaveCount(0);
    // Dropped just short of the Proxy card (a few pixels left of its border): linked.
    await drawFromGrip({ x: target.x - 5, y: target.y + target.height / 2 }, true);
    await expect(edges).toHaveCount(1);
    await app.pressShortcut('Control+z');
    await expect(edges).toHaveCount(0);
    // Dropped on the Proxy card, more than the snapping radius (28 px) away from its middle and from its
    // grips: linked, with the agent as initiator.
    await drawFromGrip({ x: target.x + target.width * 0.22, y: target.y + target.height / 2 }, true);
    await expect(edges).toHaveCount(1);
    await expect(edges.first()).toHaveAttribute('data-from', 'ssh-agent');
    await expect(edges.first()).toHaveAttribute('data-to', 'proxy');
    expect(app.problems).toEqual([]);
  });

  test('a click on a grip and then on a grip of another card links them; a click on the pane in between cancels', async ({ app, page }) => {
    const pane = await app.proxyAndAgent();
    const edges = page.locator('[data-testid^="edge."][data-from]');
    const canvas = page.getByTestId('canvas');
    const clickGrip = async (id: string, side: 'left' | 'right') => {
      await app.node(id).hover();
      await app.node(id).locator(`.react-flow__handle-${side}`).click();
    };
    await clickGrip('ssh-agent', 'right');
    await expect(canvas).toHaveClass(/is-click-connecting/);
    await page.mouse.click(pane.x + 20, pane.y + 20);
    await expect(canvas).not.toHaveClass(/is-click-connecting/);
    await clickGrip('proxy', 'left');
    await expect(edges).toHaveCount(0);
    await page.mouse.click(pane.x + 20, pane.y + 20);
    await clickGrip('ssh-agent', 'right');
    await clickGrip('proxy', 'left');
    await expect(edges).toHaveCount(1);
    await expect(edges.first()).toHaveAttribute('data-from', 'ssh-agent');
    await expect(canvas).not.toHaveClass(/is-click-connecting/);
    expect(app.problems).toEqual([]);
  });

  test('the plan and the view survive a reload', async ({ app, page }) => {
    await app.paletteItem('tbot').click();
    await expect(app.node('tbot-2')).toBeVisible();
    await app.drag(app.node('auth'), { x: -30, y: 40 });
    await app.pressShortcut('Escape');
    const name = app.inspector.getByTestId('plan.name');
    await name.fill('Reload test plan');
    await name.blur();
    // Pan the view so that "same view" is tested too.
    await app.drag(app.pane, { x: 50, y: 20 }, { x: 20, y: 20 });
    const auth = await app.boxOf(app.node('auth'));
    const added = await app.boxOf(app.node('tbot-2'));
    await page.reload();
    await expect(app.node('tbot-2')).toBeVisible();
    await expect(page.getByTestId('toolbar.plan-name')).toHaveText('Reload test plan');
    expect(await app.boxOf(app.node('auth'))).toEqual(auth);
    expect(await app.boxOf(app.node('tbot-2'))).toEqual(added);
  });

  test('a node can be added with the keyboard alone', async ({ app, page }) => {
    const item = app.paletteItem('proxy');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await item.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(item).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.node('proxy')).toBeVisible();
    await expect(app.inspector).toContainText('Proxy Service');
    await expect(app.toasts.first()).toContainText('Added Proxy Service');
  });

  test('nodes added by clicking the palette cover no other node and no link label', async ({ app, page }) => {
    const cards = page.locator('.react-flow__node:not(.react-flow__node-zone)');
    const before = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
    for (const id of ['proxy', 'tbot', 'ssh-agent', 'windows-host']) await app.paletteItem(id).click();
    await expect(cards).toHaveCount(before.length + 4);
    const boxes = await page.evaluate(() => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const nodes = [...document.querySelectorAll('.react-flow__node:not(.react-flow__node-zone)')].map((el) => ({ id: el.getAttribute('data-id') ?? '', ...box(el) }));
      const labels = [...document.querySelectorAll('.pl-edge-label')].map((el) => ({ id: el.getAttribute('data-testid') ?? '', ...box(el) }));
      return { nodes, labels };
    });
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const added = boxes.nodes.filter((n) => !before.includes(n.id));
    expect(added).toHaveLength(4);
    for (const n of added) {
      for (const other of [...boxes.nodes, ...boxes.labels]) if (other.id !== n.id) expect(overlap(n, other), `${n.id} covers ${other.id}`).toBe(false);
    }
  });

  test('New plan twice in a row opens two plans and leaves the first one untouched', async ({ app, page }) => {
    await page.getByTestId('toolbar.new').click();
    await page.getByTestId('toolbar.new').click();
    await expect(page.getByTestId('canvas.empty')).toBeVisible();
    await openPlans(page);
    await expect(page.getByTestId('plans.row')).toHaveCount(3);
    await planRow(page, examplePlan().name).getByTestId('plans.open').click();
    await expect(app.node('auth')).toBeVisible();
    await expect(page.locator('.pl-node')).toHaveCount(examplePlan().nodes.length);
  });

  test('New plan opens an empty plan at once and keeps the previous one in Plans', async ({ app, page }) => {
    await page.getByTestId('toolbar.new').click();
    await expect(page.getByTestId('canvas.empty')).toContainText('Drag a component from the palette');
    await expect(planName(page)).toHaveText('Untitled plan');
    // Edit straight away: the edit belongs to the new plan, not to the previous one.
    const pane = await app.boxOf(app.pane);
    await app.dragFromPalette('proxy', { x: pane.width / 2, y: pane.height / 2 });
    await expect(app.node('proxy')).toBeVisible();
    await expect(app.toasts.filter({ hasText: 'Your previous plan is in Plans' })).toBeVisible();
    await openPlans(page);
    await expect(page.getByTestId('plans.row')).toHaveCount(2);
    await planRow(page, examplePlan().name).getByTestId('plans.open').click();
    await expect(app.node('auth')).toBeVisible();
    await expect(app.node('proxy')).toHaveCount(0);
    await openPlans(page);
    await planRow(page, 'Untitled plan').getByTestId('plans.open').click();
    await expect(app.node('proxy')).toBeVisible();
    await expect(app.node('auth')).toHaveCount(0);
  });

  test('without a plan library, New plan asks before replacing the open plan', async ({ app, page }) => {
    // A browser that refuses storage (private mode, policy): Portolan keeps only the open plan.
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    await page.reload();
    await expect(app.node('auth')).toBeVisible();
    await page.getByTestId('toolbar.new').click();
    await expect(page.getByTestId('dialog.new-plan')).toContainText('does not let Portolan keep a library');
    await page.getByTestId('dialog.new-plan.cancel').click();
    await expect(app.node('auth')).toBeVisible();
    await page.getByTestId('toolbar.new').click();
    await page.getByTestId('dialog.new-plan.confirm').click();
    await expect(page.getByTestId('canvas.empty')).toContainText('Drag a component from the palette');
    await app.undo();
    await expect(app.node('auth')).toBeVisible();
  });

  test('a node gets a new id: links follow, a taken or malformed id is refused, undo brings the old one back', async ({ app }) => {
    await app.select(app.node('lb'));
    const id = app.inspector.getByTestId('field.id');
    await expect(id).toHaveValue('lb');
    await id.fill('Proxy LB');
    await expect(app.inspector.getByRole('alert')).toContainText('lower-case letters, digits and dashes');
    await id.fill('auth');
    await expect(app.inspector.getByRole('alert')).toContainText('already the id of something else');
    await id.press('Enter');
    await expect(app.node('lb')).toBeVisible();
    await id.fill('edge-lb');
    await expect(app.inspector.getByRole('alert')).toHaveCount(0);
    await id.press('Enter');
    await expect(app.node('edge-lb')).toBeVisible();
    // The keyboard stays where it was.
    await expect(app.inspector.getByTestId('field.id')).toBeFocused();
    await expect(app.node('lb')).toHaveCount(0);
    // Still selected under its new id; its links were renamed with it and still mean the same.
    await expect(app.inspector.getByTestId('field.id')).toHaveValue('edge-lb');
    await expect(app.edge('users-edge-lb')).toHaveAttribute('data-to', 'edge-lb');
    await expect(app.ruleRows.filter({ hasText: 'Proxy LB' })).not.toHaveCount(0);
    await app.undo();
    await expect(app.node('lb')).toBeVisible();
    await expect(app.edge('users-lb')).toBeAttached();
  });

  test('a field is validated as you type, with the message next to it', async ({ app }) => {
    await app.select(app.node('proxy-1'));
    const web = app.inspector.getByTestId('field.webListenAddr');
    await web.fill('not a host:port:x');
    await expect(app.inspector.getByRole('alert')).toContainText('expected host:port');
    await web.fill('0.0.0.0:3443');
    await expect(app.inspector.getByRole('alert')).toHaveCount(0);
    await web.blur();
    await app.undo();
    await expect(web).toHaveValue('0.0.0.0:3080');
  });

  test('an invalid text left behind when the selection moves is not saved, and a toast says so', async ({ app }) => {
    await app.select(app.node('proxy-1'));
    const addresses = app.inspector.getByTestId('field.addresses');
    const before = await addresses.inputValue();
    await addresses.fill('10.0.1.11, 10.0.1.12x_');
    await expect(app.inspector.getByRole('alert')).toBeVisible();
    // Leaving the field and coming back keeps the text to correct.
    await app.inspector.getByTestId('field.name').focus();
    await addresses.focus();
    await expect(addresses).toHaveValue('10.0.1.11, 10.0.1.12x_');
    await app.select(app.node('proxy-2'));
    await expect(app.toasts.filter({ hasText: 'was not saved' })).toContainText('Addresses of Proxy 1 was not saved: "10.0.1.11, 10.0.1.12x_" is not valid');
    await app.select(app.node('proxy-1'));
    await expect(app.inspector.getByTestId('field.addresses')).toHaveValue(before);
  });

  test('re-encryption is offered once a load balancer terminates TLS, and marking it clears L-T5', async ({ app, page }) => {
    await app.select(app.node('lb'));
    const reencrypt = app.inspector.getByTestId('field.tlsReencrypt');
    await expect(reencrypt).toHaveCount(0);
    await app.inspector.getByTestId('field.tlsTermination').check();
    await app.showTab('findings');
    const t5 = app.findingRows.and(page.locator('[data-code="L-T5"]'));
    await expect(t5).toHaveCount(1);
    await reencrypt.check();
    await expect(t5).toHaveCount(0);
    await app.inspector.getByTestId('field.tlsTermination').uncheck();
    await expect(reencrypt).toHaveCount(0);
    expect(app.problems).toEqual([]);
  });

  test("an agent's join address without a port dials 3080: L-C5 says so, and writing :443 clears it", async ({ app, page }) => {
    await app.select(app.node('ssh-agent'));
    const join = app.inspector.getByTestId('field.joinAddr');
    await expect(app.inspector).toContainText('proxy_server / auth_server');
    await app.setField(join, 'teleport.example.com');
    await app.showTab('findings');
    const c5 = app.finding('L-C5');
    await expect(c5).toHaveCount(1);
    await expect(c5).toContainText('so Teleport dials teleport.example.com:3080, but Proxy LB opens port 443 for joining');
    await expect(c5).toContainText('Write the port: proxy_server: teleport.example.com:443.');
    await app.setField(join, 'teleport.example.com:443');
    await expect(c5).toHaveCount(0);
    await expect(page.getByTestId('findings.empty')).toBeVisible();
    expect(app.problems).toEqual([]);
  });

  test("a tbot's proxy_server without a port dials 443, and its auth_server without one fails", async ({ app, page }) => {
    await app.select(app.node('tbot'));
    const join = app.inspector.getByTestId('field.joinAddr');
    // tbot.yaml has no auth_servers: the inspector names tbot's own keys.
    await expect(app.inspector).toContainText('proxy_server / auth_server');
    await expect(app.inspector).not.toContainText('auth_servers');
    await app.setField(join, 'teleport.example.com:3080');
    await app.showTab('findings');
    const port = app.finding('PL-JOIN-ADDR-PORT');
    await expect(port).toContainText('CI tbot joins through teleport.example.com:3080 (proxy_server), but Proxy LB opens port 443 for joining.');
    await app.setField(join, 'teleport.example.com');
    await expect(port).toHaveCount(0);
    await expect(page.getByTestId('findings.empty')).toBeVisible();
    await app.inspector.getByTestId('field.joinVia').selectOption('auth');
    await app.setField(join, 'auth.internal');
    await expect(app.finding('PL-TBOT-AUTH-NO-PORT')).toContainText('tbot dials auth_server as written and fills in no port');
    expect(app.problems).toEqual([]);
  });

  test("Auth's own proxy_protocol: left unspecified it is L-B4, naming auth_service; off clears it", async ({ app }) => {
    await app.select(app.node('auth'));
    const setting = app.inspector.getByTestId('field.proxyProtocol');
    await expect(setting).toHaveValue('off');
    await setting.selectOption('unspecified');
    await app.showTab('findings');
    const b4 = app.finding('L-B4');
    await expect(b4).toContainText('Auth leaves auth_service.proxy_protocol unspecified');
    await expect(b4).toContainText('Set proxy_protocol: off (Proxy 1 and Proxy 2 send no PROXY headers).');
    await setting.selectOption('on');
    await expect(b4).toHaveCount(0);
    await expect(app.finding('PL-PROXY-PROTOCOL')).toContainText('Auth has proxy_protocol: on, but Proxy 1 and Proxy 2 connect to it directly, without PROXY headers');
    expect(app.problems).toEqual([]);
  });

  test('a fix that is one field value is applied from the finding in one step, and undone in one; so are all of them', async ({ app, page }) => {
    await app.select(app.node('tbot'));
    await app.setField(app.inspector.getByTestId('field.joinAddr'), 'teleport.example.com:3080');
    await app.showTab('findings');
    const port = app.finding('PL-JOIN-ADDR-PORT');
    const apply = page.getByTestId('findings.autofix');
    await expect(apply).toHaveText('Apply: Write proxy_server: teleport.example.com:443 for CI tbot');
    await apply.click();
    await expect(port).toHaveCount(0);
    await expect(page.getByTestId('findings.empty')).toBeVisible();
    await expect(app.toasts.last()).toContainText('Write proxy_server: teleport.example.com:443 for CI tbot. Undo with Ctrl+Z.');
    await app.select(app.node('tbot'));
    await expect(app.inspector.getByTestId('field.joinAddr')).toHaveValue('teleport.example.com:443');
    await app.undo();
    await expect(app.inspector.getByTestId('field.joinAddr')).toHaveValue('teleport.example.com:3080');
    await expect(port).toHaveCount(1);
    // Two fixable findings: one button applies both, as one undo step.
    await app.select(app.node('auth'));
    await app.inspector.getByTestId('field.proxyProtocol').selectOption('unspecified');
    await app.showTab('findings');
    await expect(app.findingRows).toHaveCount(2);
    await page.getByTestId('findings.autofix-all').click();
    await expect(page.getByTestId('findings.empty')).toBeVisible();
    // Keyboard focus stays in the panel, on what replaced the list.
    await expect(page.getByTestId('findings.empty')).toBeFocused();
    await expect(app.toasts.last()).toContainText('Applied 2 fixes: Set proxy_protocol: off for Auth; Write proxy_server: teleport.example.com:443 for CI tbot. Undo with Ctrl+Z.');
    await app.undo();
    await expect(app.findingRows).toHaveCount(2);
    // A finding whose fix is a choice (route the callers, or turn the setting off) has no Apply button:
    // the setting is one option, the drawing change is not a field.
    await app.select(app.node('auth'));
    await app.inspector.getByTestId('field.proxyProtocol').selectOption('on');
    await app.showTab('findings');
    const mismatch = app.finding('PL-PROXY-PROTOCOL');
    await expect(mismatch).toHaveCount(1);
    await expect(mismatch.getByTestId('findings.autofix')).toHaveCount(0);
    await expect(mismatch.getByTestId('findings.choices')).toContainText('One option:');
    await expect(mismatch.getByTestId('findings.choice')).toHaveText(['Set proxy_protocol: off for Auth']);
    expect(app.problems).toEqual([]);
  });

  test('a fix that is a design decision offers its options: the chosen one applies in one step, and undoes in one', async ({ app, page }) => {
    await app.select(app.node('lb'));
    await app.inspector.getByTestId('field.tlsTermination').check();
    await app.showTab('findings');
    const t5 = app.finding('L-T5');
    const options = t5.getByTestId('findings.choice');
    await expect(t5.getByTestId('findings.choices')).toContainText('Choose a fix:');
    await expect(options).toHaveText(['Pass TCP through on Proxy LB (no TLS termination)', 'Mark Proxy LB as re-encrypting (a TLS target group)']);
    // Options are never applied in bulk: "Apply all" applies the two one-click fixes and leaves them.
    await app.select(app.node('auth'));
    await app.inspector.getByTestId('field.proxyProtocol').selectOption('unspecified');
    await app.select(app.node('tbot'));
    await app.setField(app.inspector.getByTestId('field.joinAddr'), 'teleport.example.com:3080');
    await app.showTab('findings');
    await expect(page.getByTestId('findings.autofix-all')).toHaveText('Apply all 2 fixes');
    await page.getByTestId('findings.autofix-all').click();
    await expect(page.getByTestId('findings.autofix')).toHaveCount(0);
    await expect(options).toHaveCount(2);
    // The options are a group named by its caption and the finding's message.
    await expect(t5.getByRole('group', { name: /^Choose a fix: Proxy LB is an L4 load balancer that terminates TLS/ })).toBeVisible();
    await options.nth(1).click();
    await expect(t5).toHaveCount(0);
    await expect(app.toasts.last()).toContainText('Mark Proxy LB as re-encrypting (a TLS target group). Undo with Ctrl+Z.');
    await app.select(app.node('lb'));
    await expect(app.inspector.getByTestId('field.tlsReencrypt')).toBeChecked();
    await expect(app.inspector.getByTestId('field.tlsTermination')).toBeChecked();
    await app.undo();
    await expect(app.inspector.getByTestId('field.tlsReencrypt')).not.toBeChecked();
    await expect(t5).toHaveCount(1);
    await expect(app.findingRows).toHaveCount(2);
    // The other option, from the keyboard.
    await t5.getByTestId('findings.choice').first().focus();
    await page.keyboard.press('Enter');
    await expect(t5).toHaveCount(0);
    await expect(app.inspector.getByTestId('field.tlsTermination')).not.toBeChecked();
    expect(app.problems).toEqual([]);
  });

  test('findings filter by severity and by text; an empty result says so and shows all again in one click', async ({ app, page }) => {
    await app.select(app.node('lb'));
    await app.inspector.getByTestId('field.tlsTermination').check();
    await app.select(app.node('auth'));
    await app.inspector.getByTestId('field.proxyProtocol').selectOption('on');
    await app.showTab('findings');
    const count = page.getByTestId('findings.count');
    const codes = () => expect.poll(() => app.findingRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))));
    await expect(count).toHaveText('3 findings');
    await expect(page.getByTestId('findings.severity.error')).toHaveText('Errors 1');
    await expect(page.getByTestId('findings.severity.warning')).toHaveText('Warnings 2');
    await expect(page.getByTestId('findings.severity.info')).toHaveText('Info 0');
    // Hide warnings: the error alone is left.
    const warnings = page.getByTestId('findings.severity.warning');
    await warnings.click();
    await expect(warnings).toHaveAttribute('aria-pressed', 'false');
    await expect(count).toHaveText('1 of 3');
    await codes().toEqual(['PL-PROXY-PROTOCOL']);
    await warnings.click();
    // Text matches codes, messages, fixes, node ids and fix labels, in any case.
    const filter = page.getByTestId('findings.filter');
    await filter.fill('tls');
    await expect(count).toHaveText('2 of 3');
    await codes().toEqual(['L-T4', 'L-T5']);
    await filter.fill('pl-proxy');
    await codes().toEqual(['PL-PROXY-PROTOCOL']);
    await filter.fill('no such finding');
    await expect(app.findingRows).toHaveCount(0);
    await expect(page.getByTestId('findings.none-shown')).toContainText('No finding matches the filter.');
    await page.getByTestId('findings.clear-filter').click();
    await expect(filter).toHaveValue('');
    await expect(filter).toBeFocused();
    await expect(app.findingRows).toHaveCount(3);
    // Apply all works on the whole plan, and says how many of its fixes the filter hides.
    await app.select(app.node('auth'));
    await app.inspector.getByTestId('field.proxyProtocol').selectOption('unspecified');
    await app.select(app.node('tbot'));
    await app.setField(app.inspector.getByTestId('field.joinAddr'), 'teleport.example.com:3080');
    await app.showTab('findings');
    await filter.fill('tbot');
    await expect(page.getByTestId('findings.autofix-all')).toHaveText('Apply all 2 fixes (1 hidden by the filter)');
    expect(app.problems).toEqual([]);
  });

  test("a leaf cluster's trusted_cluster addresses sit under its root; a port-less tunnel address is an error", async ({ app, page }) => {
    await app.useTemplate('trusted-clusters');
    await expect(app.node('leaf-proxy')).toBeVisible();
    await app.pressShortcut('Escape');
    const leaf = page.getByTestId('cluster.leaf');
    const web = leaf.getByTestId('cluster.leaf.trustWebProxyAddr');
    const tunnel = leaf.getByTestId('cluster.leaf.trustTunnelAddr');
    await expect(web).toHaveValue('root.example.com:443');
    await expect(leaf).toContainText('trusted_cluster tunnel_addr');
    // A root cluster has no trusted_cluster resource.
    await expect(page.getByTestId('cluster.root.trustWebProxyAddr')).toHaveCount(0);
    await app.setField(web, 'root.example.com');
    await app.showTab('findings');
    const noPort = app.finding('PL-TRUST-TUNNEL-NO-PORT');
    await expect(noPort).toContainText('Leaf Proxy dials the reverse tunnel address as written and cannot connect');
    await app.setField(tunnel, 'root.example.com:443');
    await expect(noPort).toHaveCount(0);
    // Trusting no root any more drops the addresses with the trust.
    await leaf.getByTestId('cluster.leaf.trustedRoot').selectOption('');
    await expect(tunnel).toHaveCount(0);
    await leaf.getByTestId('cluster.leaf.trustedRoot').selectOption('root');
    await expect(tunnel).toHaveValue('');
    expect(app.problems).toEqual([]);
  });

  test("a forward proxy's CONNECT ports are edited as a list of numbers, checked as you type", async ({ app }) => {
    await app.paletteItem('http-proxy').click();
    await expect(app.node('http-proxy')).toBeVisible();
    await app.select(app.node('http-proxy'));
    const ports = app.inspector.getByTestId('field.connectPorts');
    // Typed key by key, 70000 passes through a valid 7000: leaving the field on the invalid text keeps nothing of it.
    await ports.pressSequentially('70000');
    await expect(app.inspector.getByRole('alert')).toContainText('expected a port number');
    await ports.blur();
    await app.select(app.node('lb'));
    await app.select(app.node('http-proxy'));
    await expect(ports).toHaveValue('');
    await ports.fill('443, x');
    await expect(app.inspector.getByRole('alert')).toBeVisible();
    await ports.fill('8443, 9443');
    await expect(app.inspector.getByRole('alert')).toHaveCount(0);
    await ports.blur();
    await app.select(app.node('http-proxy'));
    await expect(ports).toHaveValue('8443, 9443');
    expect(app.problems).toEqual([]);
  });

  test('a zone is resizable and its CIDRs are editable', async ({ app, page }) => {
    await app.select(app.zone('ci'));
    const cidrs = app.inspector.getByTestId('field.cidrs');
    await cidrs.fill('10.20.0.0/16, 10.21.0.0/16');
    await cidrs.blur();
    await expect(app.zone('ci')).toContainText('10.21.0.0/16');
    await cidrs.fill('10.20.0.0/99');
    await expect(app.inspector.getByRole('alert')).toContainText('CIDR');
    const before = await app.boxOf(app.zone('ci'));
    const handle = page.locator('.react-flow__resize-control.bottom.right');
    const h = await app.boxOf(handle);
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(h.x + h.width / 2 + i * 12, h.y + h.height / 2 + i * 8);
    await page.mouse.up();
    const after = await app.boxOf(app.zone('ci'));
    expect(after.width - before.width).toBeCloseTo(60, -1);
    expect(after.height - before.height).toBeCloseTo(40, -1);
  });
});
