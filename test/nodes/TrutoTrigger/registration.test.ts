import { unreachableUrlProblem } from '../../../nodes/TrutoTrigger/registration';

describe('unreachableUrlProblem', () => {
	it.each([
		['http://127.0.0.1:5678/webhook/x/webhook', 'https://api.truto.one'],
		['http://localhost:5678/webhook/x/webhook', 'https://api.truto.one'],
		['https://10.0.0.8/webhook/x/webhook', 'https://api.truto.one'],
		['http://n8n:5678/webhook/x/webhook', 'https://api.truto.one'],
		['https://n8n.internal/webhook/x/webhook', 'https://api.eu.truto.one'],
	])('refuses %s when Truto is at %s', (url, base) => {
		expect(unreachableUrlProblem(url, base)?.description).toMatch(/WEBHOOK_URL/);
	});

	it.each([
		['https://n8n.acme.example/webhook/x/webhook', 'https://api.truto.one'],
		['http://127.0.0.1:5678/webhook/x/webhook', 'http://127.0.0.1:4010'],
		['http://n8n:5678/webhook/x/webhook', 'http://truto-sandbox:4010'],
	])('lets %s through when Truto is at %s', (url, base) => {
		expect(unreachableUrlProblem(url, base)).toBeUndefined();
	});
});
