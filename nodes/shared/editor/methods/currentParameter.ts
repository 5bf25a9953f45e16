import type { ILoadOptionsFunctions } from 'n8n-workflow';

/**
 * A parameter of the node being edited, as text (a resource locator's value extracted); undefined
 * when it is empty or cannot be read.
 */
export function currentParameter(context: ILoadOptionsFunctions, name: string): string | undefined {
	try {
		const value = context.getCurrentNodeParameter(name, { extractValue: true }) as unknown;
		return typeof value === 'string' && value.trim() ? value.trim() : undefined;
	} catch {
		return undefined;
	}
}
