import type { IDataObject } from 'n8n-workflow';

/**
 * The rows of a CSV file with a header line, as objects keyed by the header's names, values as
 * text. Quoted values may hold commas, doubled quotes and line breaks. One pass, no copy of
 * the file line by line: an export can hold hundreds of thousands of rows.
 */
export function parseCsv(text: string): IDataObject[] {
	const records: IDataObject[] = [];
	let header: string[] | undefined;
	let row: string[] = [];
	let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const end = text.length;
	const endRow = () => {
		if (!header) header = row;
		else if (!(row.length === 1 && row[0] === '')) {
			const record: IDataObject = {};
			for (let i = 0; i < header.length; i++) record[header[i]] = row[i] ?? '';
			records.push(record);
		}
		row = [];
	};
	while (at <= end) {
		let value: string;
		if (text.charCodeAt(at) === 0x22) {
			// A quoted value: up to the quote that is not doubled.
			let parts = '';
			let from = at + 1;
			for (;;) {
				const quote = text.indexOf('"', from);
				if (quote < 0) throw new Error('The export file ends inside a quoted value');
				parts += text.slice(from, quote);
				if (text.charCodeAt(quote + 1) === 0x22) {
					parts += '"';
					from = quote + 2;
					continue;
				}
				at = quote + 1;
				break;
			}
			value = parts;
		} else {
			let stop = at;
			while (stop < end) {
				const c = text.charCodeAt(stop);
				if (c === 0x2c || c === 0x0a || c === 0x0d) break;
				stop++;
			}
			value = text.slice(at, stop);
			at = stop;
		}
		row.push(value);
		const c = text.charCodeAt(at);
		if (c === 0x2c) {
			at++;
			continue;
		}
		if (c === 0x0d) at++;
		if (text.charCodeAt(at) === 0x0a) at++;
		endRow();
		if (at >= end) break;
	}
	return records;
}
