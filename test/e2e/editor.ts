/**
 * The n8n editor in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
 * sign in, search nodes, open a node and a dropdown, and keep screenshots.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { ROOT, type OwnerLogin } from '../../scripts/n8n';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Git-ignored folder for the editor screenshots of the end-to-end tests. */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e-screenshots');

/** Flags for a closed network: no background connections, no first-run UI, no sandbox as root. */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface EditorSession {
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
	/** Saves a PNG of the page (or of one element) and answers its path and the text shown in it. */
	screenshot(name: string, target?: Locator): Promise<{ path: string; text: string }>;
}

export async function openEditor(baseUrl: string, prefix: string): Promise<EditorSession> {
	// A fresh profile per session (Playwright passes it as --user-data-dir; --headless comes from `headless`).
	const profile = mkdtempSync(join(tmpdir(), 'n8n-nodes-nex-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
		baseURL: baseUrl,
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(30_000);
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	return {
		context,
		page,
		close: async () => {
			await context.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
		},
		screenshot: async (name, target) => {
			const path = join(SCREENSHOT_DIR, `${prefix}-${name}.png`);
			const image = target ? await target.screenshot() : await page.screenshot({ fullPage: false });
			writeFileSync(path, image);
			const text = target ? await target.innerText() : await page.locator('body').innerText();
			writeFileSync(path.replace(/\.png$/, '.txt'), text);
			return { path, text };
		},
	};
}

/** Signs in through the editor's own sign-in form. */
export async function signIn(page: Page, owner: OwnerLogin): Promise<void> {
	await page.goto('/signin');
	const form = page.locator('[data-test-id="signin-form"]');
	await form.waitFor();
	await form.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(owner.email);
	await form.locator('input[type="password"]').first().fill(owner.password);
	await form.locator('button').filter({ hasText: /sign in/i }).first().click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Dismisses the dialogs a fresh instance may show (surveys, what's new). */
export async function dismissDialogs(page: Page): Promise<void> {
	for (let i = 0; i < 3; i++) {
		const close = page.locator('.el-dialog__headerbtn, [data-test-id="close-modal-button"], .el-message-box__headerbtn').first();
		if (!(await close.isVisible().catch(() => false))) return;
		await close.click().catch(() => undefined);
		await page.waitForTimeout(300);
	}
}

/** The little of the browser's DOM these page functions use (the project compiles without DOM types). */
interface BrowserElement {
	textContent: string | null;
	parentElement: BrowserElement | null;
	closest(selector: string): BrowserElement | null;
	querySelector(selector: string): BrowserElement | null;
	querySelectorAll(selector: string): Iterable<BrowserElement>;
	getAttribute(name: string): string | null;
}

interface BrowserImage extends BrowserElement {
	complete: boolean;
	naturalWidth: number;
	decode?: () => Promise<void>;
}

/** A node in the node creator's result list: its name and whether its icon image loaded. */
export interface CreatorItem {
	name: string;
	iconLoaded: boolean;
	iconSource: string;
}

/**
 * Opens the node creator and searches for `query`: on an empty new workflow (which offers
 * trigger nodes), or in an existing workflow (`workflowId`, which offers action nodes).
 */
export async function searchNodes(
	page: Page,
	query: string,
	options: { workflowId?: string } = {},
): Promise<{ items: CreatorItem[]; panel: Locator }> {
	await page.goto(options.workflowId ? `/workflow/${encodeURIComponent(options.workflowId)}` : '/workflow/new');
	await dismissDialogs(page);
	const opener = page
		.locator(options.workflowId ? '[data-test-id="node-creator-plus-button"]' : '[data-test-id="canvas-add-button"]')
		.first();
	await opener.waitFor({ timeout: 60_000 });
	await opener.click();
	const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
	await search.waitFor();
	await search.fill(query);
	const panel = page.locator('[data-test-id="node-creator"]').first();
	const names = panel.locator('[data-test-id="node-creator-item-name"]');
	await names.first().waitFor();
	// The results follow the typing with a short debounce.
	await page.waitForTimeout(800);
	// Icons load asynchronously; give every <img> in the panel a moment to decode.
	await panel
		.evaluate(
			async (root: BrowserElement) =>
				await Promise.all(
					[...root.querySelectorAll('img')].map(
						async (img) => await (img as BrowserImage).decode?.().catch(() => undefined),
					),
				),
		)
		.catch(() => undefined);
	const items = await panel.evaluate((root: BrowserElement) => {
		const result: CreatorItem[] = [];
		for (const nameElement of root.querySelectorAll('[data-test-id="node-creator-item-name"]')) {
			// The whole entry: its icon sits beside the name (the svg inside the name row is the community badge).
			const item = nameElement.closest('[data-test-id="item-iterator-item"]') ?? nameElement.parentElement;
			const img = (item?.querySelector('img') ?? null) as BrowserImage | null;
			const svg = item?.querySelector('[class*="nodeIcon"] svg') ?? null;
			result.push({
				name: (nameElement.textContent ?? '').trim(),
				iconLoaded: img ? img.complete && img.naturalWidth > 0 : Boolean(svg),
				iconSource: img?.getAttribute('src') ?? (svg ? 'inline svg' : ''),
			});
		}
		return result;
	});
	return { items, panel };
}

/** Opens a workflow and the node with this name (double-click opens its parameters). */
export async function openNode(page: Page, workflowId: string, nodeName: string): Promise<Locator> {
	await page.goto(`/workflow/${encodeURIComponent(workflowId)}`);
	await dismissDialogs(page);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"], [data-name="${nodeName}"]`).first();
	await node.waitFor({ timeout: 60_000 });
	await node.dblclick();
	const ndv = page.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]').first();
	await ndv.waitFor();
	return ndv;
}

/** Opens the resource-locator or options dropdown of a parameter and answers the choices shown. */
export async function dropdownChoices(page: Page, parameterName: string): Promise<{ choices: string[]; list: Locator }> {
	const locator = page.locator(`[data-test-id="resource-locator-${parameterName}"]`).first();
	const isLocator = await locator.isVisible().catch(() => false);
	let list: Locator;
	let item: Locator;
	if (isLocator) {
		await locator.locator('[data-test-id="rlc-input"]').first().click();
		item = page.locator('[data-test-id="rlc-item"]:visible');
		await item.first().waitFor({ timeout: 30_000 });
		// The popper that holds the items (the dropdown's own wrapper has no box of its own).
		list = page
			.locator('[class*="popoverContent"]:visible, .el-popper:visible')
			.filter({ has: page.locator('[data-test-id="rlc-item"]') })
			.last();
	} else {
		await page.locator(`[data-test-id="parameter-input-${parameterName}"] input`).first().click();
		list = page.locator('.el-select-dropdown:visible, .el-popper:visible').first();
		await list.waitFor();
		item = list.locator('.el-select-dropdown__item, li');
	}
	await item.first().waitFor({ timeout: 30_000 });
	const choices = (await item.allInnerTexts()).map((text) => text.split('\n')[0].trim()).filter(Boolean);
	return { choices, list };
}

/**
 * Clicks the entry with this name in the node panel (an app's entry opens the list of its
 * triggers and actions) and answers what the panel shows then.
 */
export async function openCreatorEntry(page: Page, panel: Locator, name: string): Promise<void> {
	const entry = panel
		.locator('[data-test-id="item-iterator-item"]')
		.filter({ has: page.locator('[data-test-id="node-creator-item-name"]', { hasText: new RegExp(`^${name}$`) }) })
		.first();
	await entry.click();
	await page.waitForTimeout(800);
}
