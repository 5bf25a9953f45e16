import type { IDataObject } from 'n8n-workflow';

import { FINDING_FIELDS } from './fields';

/** Rows encoded together: small enough that the text waiting to be encoded stays small. */
const ROWS_PER_CHUNK = 100;

/** The file's first capacity; it doubles whenever the next rows do not fit. */
const FIRST_CAPACITY = 64 * 1024;

/**
 * Findings as a CSV file, one row each, written as they come: rows are encoded to UTF-8 in chunks
 * straight into the file's one buffer (bytes outside the JavaScript heap, one byte per ASCII
 * character), never kept as findings or text, so memory grows with the file only. The buffer grows by
 * doubling and the file is a view of its written part, never copied whole at the end: a final copy
 * held the file twice at the peak (19,216 rows: 12.9 MB more, docs/benchmarks.md).
 */
export class FindingsCsv {
	private bytes = Buffer.allocUnsafe(FIRST_CAPACITY);

	private length = 0;

	private rows: string[] = [FINDING_FIELDS.join(',')];

	count = 0;

	add(finding: IDataObject): void {
		this.rows.push(FINDING_FIELDS.map((field) => cell(finding[field])).join(','));
		this.count++;
		if (this.rows.length >= ROWS_PER_CHUNK) this.encode();
	}

	/** The whole file: the written part of the buffer, which this writer then lets go. */
	file(): Buffer {
		this.encode();
		const file = this.bytes.subarray(0, this.length);
		this.bytes = Buffer.alloc(0);
		this.length = 0;
		return file;
	}

	private encode(): void {
		if (this.rows.length === 0) return;
		const text = `${this.rows.join('\r\n')}\r\n`;
		this.rows = [];
		const needed = this.length + Buffer.byteLength(text, 'utf8');
		if (needed > this.bytes.length) {
			const larger = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
			this.bytes.copy(larger, 0, 0, this.length);
			this.bytes = larger;
		}
		this.length += this.bytes.write(text, this.length, 'utf8');
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
