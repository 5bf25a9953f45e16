import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

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

/** The Integrated Account as the editor sees it: chosen, not chosen, or an expression known only at run time. */
export type AccountChoice = { kind: 'chosen'; id: string } | { kind: 'none' } | { kind: 'expression' };

function isExpression(value: unknown): boolean {
	return typeof value === 'string' && value.startsWith('=');
}

/**
 * The editor resolves expressions before asking (against the data of earlier runs); one it cannot
 * resolve yet arrives as null, the locator's value as null, or unresolved "={{ … }}" text. A locator
 * never filled in has the value "".
 */
export function chosenAccount(context: ILoadOptionsFunctions): AccountChoice {
	let raw: unknown;
	try {
		raw = context.getCurrentNodeParameter('integratedAccount');
	} catch {
		return { kind: 'none' };
	}
	const value = raw && typeof raw === 'object' ? (raw as IDataObject).value : raw;
	if (raw === null || value === null || isExpression(raw) || isExpression(value)) return { kind: 'expression' };
	const id = currentParameter(context, 'integratedAccount');
	return id ? { kind: 'chosen', id } : { kind: 'none' };
}
