import type { IDataObject } from 'n8n-workflow';

import { FINDING_FIELDS } from './fields';

/** Rows encoded together: small enough that the text waiting to be encoded stays small. */
const ROWS_PER_CHUNK = 100;

/**
 * Findings as a CSV file, one row each, written as they come: rows are encoded to UTF-8 in chunks
 * (bytes outside the JavaScript heap, one byte per ASCII character), never kept as findings or text,
 * so memory grows with the file only.
 */
export class FindingsCsv {
	private readonly chunks: Buffer[] = [];

	private rows: string[] = [FINDING_FIELDS.join(',')];

	count = 0;

	add(finding: IDataObject): void {
		this.rows.push(FINDING_FIELDS.map((field) => cell(finding[field])).join(','));
		this.count++;
		if (this.rows.length >= ROWS_PER_CHUNK) this.encode();
	}

	/** The whole file; the chunks are let go as it is made. */
	file(): Buffer {
		this.encode();
		const file = Buffer.concat(this.chunks);
		this.chunks.length = 0;
		return file;
	}

	private encode(): void {
		if (this.rows.length === 0) return;
		this.chunks.push(Buffer.from(`${this.rows.join('\r\n')}\r\n`, 'utf8'));
		this.rows = [];
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
