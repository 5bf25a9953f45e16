'use strict';
// @ts-check
/**
 * n8n's editor as a person uses it, in a real Chromium: sign in, open a workflow, open a node's
 * panel, read and set its parameters the way they are shown, run a step, look at the output. The
 * selectors are n8n's own `data-test-id`s (the ones n8n's Playwright suite uses), read on 2.41.1.
 */
const fs = require('node:fs');
const path = require('node:path');

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

class Editor {
	/**
	 * @param {Page} page
	 * @param {{ baseUrl: string, screenshotsDir?: string }} options
	 */
	constructor(page, options) {
		this.page = page;
		this.baseUrl = options.baseUrl;
		this.screenshotsDir = options.screenshotsDir;
	}

	/** Signs in on n8n's sign-in page. @param {{ email: string, password: string }} user */
	async signIn(user) {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(user.email);
		await this.page.getByTestId('password').locator('input').fill(user.password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL(/\/(home|workflows?)/, { timeout: 60_000 });
	}

	/** Opens a saved workflow on the canvas. @param {string} workflowId */
	async openWorkflow(workflowId) {
		await this.page.goto(`${this.baseUrl}/workflow/${workflowId}`);
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
	}

	/** @param {string} name */
	canvasNode(name) {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	/** Opens a node's panel (double-click on the canvas). @param {string} name */
	async openNode(name) {
		await this.canvasNode(name).dblclick();
		await this.ndv().waitFor({ timeout: 30_000 });
		await this.page.getByTestId('node-parameters').waitFor();
	}

	/** Closes the panel: back to the canvas. */
	async closeNode() {
		await this.page.getByTestId('ndv-close-button').click();
		await this.ndv().waitFor({ state: 'hidden' });
	}

	ndv() {
		return this.page.getByTestId('ndv');
	}

	/** The parameter's whole row (label, input, notices). @param {string} name */
	parameterRow(name) {
		return this.page.getByTestId('node-parameters').locator(`[data-test-id="parameter-item"]:has([data-test-id="parameter-input-${name}"])`);
	}

	/** The input of a parameter by its name. @param {string} name */
	parameterInput(name) {
		return this.page.getByTestId(`parameter-input-${name}`);
	}

	/** Chooses an option of an options parameter by its shown name. @param {string} name @param {string} option */
	async selectOption(name, option) {
		await this.parameterInput(name).click();
		// An option's accessible name also holds its description: match the name line exactly.
		await this.page
			.getByRole('option')
			.filter({ has: this.page.getByText(option, { exact: true }) })
			.first()
			.click();
	}

	/**
	 * Picks a resource locator's record from its list, typing `search` into the list's search box first.
	 * @param {string} name
	 * @param {string} itemText
	 * @param {string} [search]
	 */
	async pickFromList(name, itemText, search) {
		await this.openList(name);
		if (search !== undefined) await this.searchList(search);
		await this.resourceLocatorItem(itemText).click();
		await this.page.getByTestId('rlc-search').waitFor({ state: 'hidden' });
	}

	/** Opens a resource locator's list. @param {string} name */
	async openList(name) {
		// An open list shows its search box, or only n8n's "Could not load list" when the search failed.
		const search = this.page.getByTestId('rlc-search').or(this.page.getByText('Could not load list')).first();
		// A click while the panel still settles can be lost: click again until the list shows.
		for (let attempt = 0; attempt < 4 && !(await search.isVisible()); attempt++) {
			const input = this.parameterInput(name).getByTestId('rlc-input-container');
			await input.scrollIntoViewIfNeeded();
			await input.click();
			await search.waitFor({ timeout: 8_000 }).catch(() => undefined);
		}
		await search.waitFor({ timeout: 8_000 }).catch(async (error) => {
			await this.screenshot(`list-did-not-open-${name}`);
			throw error;
		});
	}

	/** Types into the open list's search box. @param {string} text */
	async searchList(text) {
		const box = this.page.getByTestId('rlc-search');
		const input = (await box.evaluate((element) => element.tagName)) === 'INPUT' ? box : box.locator('input');
		await input.fill(text);
	}

	/** An entry of the open resource-locator list. @param {string} text */
	resourceLocatorItem(text) {
		return this.page.getByTestId('rlc-item').filter({ hasText: text }).first();
	}

	/** The texts of the open resource-locator list. */
	async resourceLocatorItems() {
		await this.page.getByTestId('rlc-item').first().waitFor({ timeout: 30_000 });
		return (await this.page.getByTestId('rlc-item').allInnerTexts()).map((text) => text.trim());
	}

	/** What a resource locator shows as its value (its label, or the raw ID). @param {string} name */
	async resourceLocatorShown(name) {
		return await this.parameterInput(name).getByTestId('rlc-input').inputValue();
	}

	/** The notices of the dynamic areas (Integration Parameters, Fields) as shown, in page order. */
	async areaNotices() {
		return (await this.page.getByTestId('empty-fields-notice').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
	}

	/**
	 * Waits until the panel shows a dynamic-area notice matching `pattern` (n8n reloads them after a change).
	 * @param {RegExp} pattern
	 */
	async waitForNotice(pattern) {
		await this.page.getByTestId('empty-fields-notice').filter({ hasText: pattern }).first().waitFor({ timeout: 30_000 });
	}

	/** The whole panel's text, as one line. */
	async panelText() {
		return (await this.page.getByTestId('node-parameters').innerText()).replace(/\s+/g, ' ');
	}

	/** Opens a collection's "Add …" list (e.g. Options) and returns its entries. @param {string} [button] e.g. 'Add Option' */
	async collectionChoices(button = 'Add Option') {
		// The button is a select whose placeholder is its text.
		await this.page.getByTestId('collection-parameter-add').filter({ has: this.page.locator(`[placeholder="${button}"]`) }).click();
		await this.page.getByRole('option').first().waitFor();
		return (await this.page.getByRole('option').allInnerTexts()).map((text) => text.trim());
	}

	/** Adds a collection entry from the open "Add …" list, by its shown name. @param {string} displayName */
	async chooseCollectionEntry(displayName) {
		await this.page.getByRole('option').filter({ hasText: displayName }).first().click();
		await this.page.getByRole('option').first().waitFor({ state: 'hidden' });
	}

	/** Whether a boolean parameter's switch is on. @param {string} name */
	async switchIsOn(name) {
		return /is-checked/.test((await this.parameterInput(name).locator('.el-switch').getAttribute('class')) ?? '');
	}

	/** The description people see when hovering the parameter's help icon. @param {string} name @param {RegExp} pattern */
	async parameterHelp(name, pattern) {
		const row = this.parameterRow(name);
		await row.getByTestId('input-label').first().hover();
		await row.locator('[data-icon="circle-help"]').first().hover();
		const tip = this.page.getByText(pattern).first();
		await tip.waitFor({ timeout: 10_000 });
		return (await tip.innerText()).trim();
	}

	/** "Execute step" (or "Fetch Test Event" on a trigger), then the output panel's text once it shows a result. */
	async executeStep() {
		const output = this.page.getByTestId('output-panel');
		const read = async () => (await output.innerText()).replace(/\s+/g, ' ');
		const before = await read();
		await this.page.getByTestId('node-execute-button').first().click();
		// A result differs from what was shown before the click, and has settled (the table renders after the count).
		const deadline = Date.now() + 90_000;
		let last = '';
		for (;;) {
			const now = await read();
			const done = now !== before && /\d+ items?|Error|Problem|No output data/.test(now);
			if (done && now === last) return now;
			if (Date.now() > deadline) throw new Error(`no result after Execute step; the output panel shows: ${now.slice(0, 300)}`);
			last = done ? now : '';
			await this.page.waitForTimeout(750);
		}
	}

	/** Screenshot of the page into the screenshots folder. @param {string} name */
	async screenshot(name) {
		if (!this.screenshotsDir) return undefined;
		fs.mkdirSync(this.screenshotsDir, { recursive: true });
		const file = path.join(this.screenshotsDir, `${name}.png`);
		await this.page.screenshot({ path: file });
		return file;
	}
}

module.exports = { Editor };
