/** Find Reclaimable Seats → Output: Summary with a CSV File, through the node's execute() against the sandbox. */
import type { IDataObject } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { cell, FindingsCsv } from '../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/csv';
import { FINDING_FIELDS } from '../../../../nodes/TrutoUserDirectory/seatReclamation/analysis/fields';
import { byId, executeContext, type Parameters } from '../../../helpers/n8nContext';
import { ACCOUNTS, TOKEN, useSandbox } from '../../../helpers/sandbox';

const sb = useSandbox();

async function run(parameters: Parameters) {
	const context = executeContext({ parameters, credentials: { apiToken: TOKEN, baseUrl: sb.url } });
	const [output] = await new TrutoUserDirectory().execute.call(context);
	return output;
}

const review = (reviewOutput: string): Parameters => ({
	resource: 'seatReclamation',
	operation: 'findReclaimableSeats',
	accountScope: 'all',
	identityProvider: byId(ACCOUNTS.workforce),
	inactiveDays: 90,
	reviewOutput,
	options: {},
});

/** RFC 4180 rows, enough for the file the node writes. */
function parse(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += char;
	}
	return rows;
}

describe('findings as a CSV file', () => {
	it('gives one item: the summary, and every finding as a CSV row with the findings fields', async () => {
		const findings = (await run(review('findings'))).map((item) => item.json);
		const output = await run(review('csvFile'));
		expect(output).toHaveLength(1);
		const [item] = output;
		expect(item.json).toMatchObject({ kind: 'summary', csv_rows: findings.length });
		const summary = (await run(review('summary')))[0].json;
		expect({ ...item.json, csv_rows: undefined, generated_at: null }).toEqual({ ...summary, csv_rows: undefined, generated_at: null });
		expect(item.binary?.data).toMatchObject({ fileName: 'reclaimable-seats.csv', mimeType: 'text/csv' });
		const rows = parse(Buffer.from(String(item.binary?.data.data), 'base64').toString('utf8'));
		expect(rows[0]).toEqual([...FINDING_FIELDS]);
		expect(rows).toHaveLength(findings.length + 1);
		// Every finding is there (rows come as accounts finish, not in the findings' order).
		const keyColumn = FINDING_FIELDS.indexOf('finding_key');
		expect(rows.slice(1).map((row) => row[keyColumn]).sort()).toEqual(findings.map((finding) => String(finding.finding_key)).sort());
		const titles = rows.slice(1).map((row) => row[FINDING_FIELDS.indexOf('title')]);
		expect(titles).toContain((findings.find((finding) => String(finding.title).includes(',')) as IDataObject).title);
	});

	it('makes the file from rows encoded as they come: the header, then each row ending in CRLF, in UTF-8, across many chunks', () => {
		const csv = new FindingsCsv();
		const findings = Array.from({ length: 1234 }, (_, index) => ({ finding_key: `k${index}`, title: `Zoë → "seat" ${index}, unused`, seats: index, costs: index % 7 ? null : [{ currency: '€' }] }));
		for (const finding of findings) csv.add(finding);
		expect(csv.count).toBe(1234);
		const expected = [FINDING_FIELDS.join(','), ...findings.map((finding) => FINDING_FIELDS.map((field) => cell((finding as IDataObject)[field])).join(','))].map((row) => `${row}\r\n`).join('');
		expect(csv.file().equals(Buffer.from(expected, 'utf8'))).toBe(true);
		// No finding: the header alone.
		expect(new FindingsCsv().file().toString('utf8')).toBe(`${FINDING_FIELDS.join(',')}\r\n`);
	});

	it('quotes what needs quoting, writes lists as JSON, and never lets a cell start a spreadsheet formula', () => {
		expect(cell(null)).toBe('');
		expect(cell(0)).toBe('0');
		expect(cell('a, "b"')).toBe('"a, ""b"""');
		expect(cell([{ currency: 'EUR' }])).toBe('"[{""currency"":""EUR""}]"');
		expect(cell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(cell('-5 days')).toBe("'-5 days");
	});
});
