import type { IDataObject } from 'n8n-workflow';

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/** What changes the depth or starts a string inside an object or array row. */
const STRUCTURE = /["{}[\]]/g;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;

/**
 * The rows of a JSON array read chunk by chunk: each element is parsed as soon as its last byte
 * has arrived and handed to `onRow`, so only the element being read is ever held as text.
 */
export async function readJsonRows(chunks: AsyncIterable<Buffer>, onRow: (row: IDataObject) => void): Promise<number> {
	const decoder = new TextDecoder('utf-8');
	/** Text not yet made into rows: the current element from its first character on. */
	let text = '';
	/** Where scanning resumes in `text`. */
	let at = 0;
	let started = false;
	let ended = false;
	/** Where the current element starts in `text`, or -1 between elements. */
	let elementStart = -1;
	let depth = 0;
	let inString = false;
	let count = 0;
	/** After an element, a comma or the closing bracket must come. */
	let needSeparator = false;

	const fail = (why: string): never => {
		throw new Error(`the answer is not a JSON list of rows: ${why}`);
	};
	const emit = (end: number) => {
		let row: unknown;
		try {
			row = JSON.parse(text.slice(elementStart, end));
		} catch (error) {
			fail(`row ${count + 1} is not valid JSON (${(error as Error).message})`);
		}
		onRow(row as IDataObject);
		count++;
		elementStart = -1;
		needSeparator = true;
	};

	const isEscaped = (quote: number) => {
		let backslashes = 0;
		for (let i = quote - 1; i > elementStart && text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
		return backslashes % 2 === 1;
	};

	const scan = () => {
		const end = text.length;
		while (at < end) {
			const c = text.charCodeAt(at);
			if (elementStart >= 0) {
				if (inString) {
					// The next quote that no backslash escapes closes the string.
					let quote = text.indexOf('"', at);
					while (quote >= 0 && isEscaped(quote)) quote = text.indexOf('"', quote + 1);
					if (quote < 0) {
						at = end;
						break;
					}
					inString = false;
					at = quote + 1;
					if (depth === 0) emit(at);
					continue;
				}
				if (depth === 0) {
					// A number, true, false or null ends where a separator or the list's end starts.
					if (c === COMMA || c === CLOSE_BRACKET || isSpace(c)) emit(at);
					else at++;
					continue;
				}
				STRUCTURE.lastIndex = at;
				const found = STRUCTURE.exec(text);
				if (!found) {
					at = end;
					break;
				}
				at = found.index + 1;
				const s = text.charCodeAt(found.index);
				if (s === QUOTE) inString = true;
				else if (s === OPEN_BRACE || s === OPEN_BRACKET) depth++;
				else if (--depth === 0) emit(at);
				continue;
			}
			at++;
			if (isSpace(c)) continue;
			if (ended) fail('more text follows the end of the list');
			if (!started) {
				if (c !== OPEN_BRACKET) fail(`it starts with ${JSON.stringify(text.slice(at - 1, at + 59))}`);
				started = true;
				continue;
			}
			if (c === CLOSE_BRACKET) {
				ended = true;
				continue;
			}
			if (needSeparator) {
				if (c !== COMMA) fail(`a comma is missing after row ${count}`);
				needSeparator = false;
				continue;
			}
			elementStart = at - 1;
			if (c === QUOTE) inString = true;
			else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth = 1;
		}
		// Keep only the element being read; what came before it is done with.
		const keepFrom = elementStart >= 0 ? elementStart : text.length;
		text = text.slice(keepFrom);
		at -= keepFrom;
		if (elementStart >= 0) elementStart = 0;
	};

	for await (const chunk of chunks) {
		text += decoder.decode(chunk, { stream: true });
		scan();
	}
	text += decoder.decode();
	scan();
	if (elementStart >= 0 && depth === 0 && !inString) emit(text.length);
	if (!started) fail('it is empty');
	if (!ended) fail(`it ends after ${count} rows, before the list is closed`);
	return count;
}
