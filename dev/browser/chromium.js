'use strict';
// @ts-check
/**
 * Debian's Chromium driven by playwright-core (no browser download: the registry package ships only the
 * driver). Each launch gets a fresh profile folder, removed again on close.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureDebianPackage } = require('../apt');

/** Quiet, headless and offline: no GPU, no QUIC, no first-run pages, no background calls to Google. */
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const log = (/** @type {string} */ message) => process.stderr.write(`[chromium] ${message}\n`);

/** The Chromium binary; installs Debian's `chromium` when it is missing (as root, like CI). */
function ensureChromium() {
	return ensureDebianPackage('chromium', 'chromium', log);
}

/**
 * Launches Chromium with a fresh profile and one page.
 * @param {{ viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close: () => Promise<void> }>}
 */
async function launchChromium(options = {}) {
	const { chromium, selectors } = require('playwright-core');
	// n8n marks its elements with data-test-id: page.getByTestId() then finds them.
	selectors.setTestIdAttribute('data-test-id');
	const executablePath = ensureChromium();
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
	// launchPersistentContext passes the profile as --user-data-dir (launch() refuses that flag).
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: options.viewport ?? { width: 1440, height: 900 },
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		close: async () => {
			await context.close().catch(() => undefined);
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

module.exports = { CHROMIUM_FLAGS, ensureChromium, launchChromium };

if (require.main === module) {
	log(`chromium: ${ensureChromium()}`);
}
