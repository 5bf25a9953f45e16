import type { IDataObject } from 'n8n-workflow';

import { FINDING_FIELDS } from './fields';

/**
 * Findings as a CSV file, one row each, written as they come: only the text is kept, never the
 * findings, so memory grows with the file, not with objects.
 */
export class FindingsCsv {
	private readonly rows: string[] = [FINDING_FIELDS.join(',')];

	count = 0;

	add(finding: IDataObject): void {
		this.rows.push(FINDING_FIELDS.map((field) => cell(finding[field])).join(','));
		this.count++;
	}

	text(): string {
		return `${this.rows.join('\r\n')}\r\n`;
	}
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; lists and objects as
 * JSON. A text starting like a spreadsheet formula gets a leading apostrophe, so opening the file in
 * a spreadsheet never runs a name or title from an app as a formula.
 */
export function cell(value: unknown): string {
	if (value === undefined || value === null) return '';
	let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
