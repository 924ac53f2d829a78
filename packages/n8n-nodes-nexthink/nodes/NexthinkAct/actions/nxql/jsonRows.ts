import type { IDataObject } from 'n8n-workflow';

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;

/**
 * The rows of a JSON array read chunk by chunk: each element is parsed as soon as its last byte
 * has arrived and handed to `onRow`, so only the element being read is ever held as text.
 * `prefix` (JSON members, such as `"engine":"geneva"`) is put at the start of every object row
 * without copying the object; a member of the row with the same name wins.
 */
export async function readJsonRows(
	chunks: AsyncIterable<Buffer>,
	onRow: (row: IDataObject) => void,
	prefix = '',
): Promise<number> {
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
	let escaped = false;
	let count = 0;
	/** After an element, a comma or the closing bracket must come. */
	let needSeparator = false;

	const fail = (why: string): never => {
		throw new Error(`the answer is not a JSON list of rows: ${why}`);
	};
	const emit = (end: number) => {
		let element = text.slice(elementStart, end);
		if (prefix !== '' && element.charCodeAt(0) === OPEN_BRACE) {
			const rest = element.slice(1).trimStart();
			element = `{${prefix}${rest.charCodeAt(0) === CLOSE_BRACE ? '' : ','}${rest}`;
		}
		let row: unknown;
		try {
			row = JSON.parse(element);
		} catch (error) {
			fail(`row ${count + 1} is not valid JSON (${(error as Error).message})`);
		}
		onRow(row as IDataObject);
		count++;
		elementStart = -1;
		needSeparator = true;
	};

	const scan = () => {
		const end = text.length;
		while (at < end) {
			const c = text.charCodeAt(at);
			if (elementStart >= 0) {
				if (depth === 0 && !inString) {
					// A number, true, false or null ends where a separator or the list's end starts.
					if (c === COMMA || c === CLOSE_BRACKET || isSpace(c)) {
						emit(at);
						continue;
					}
				} else if (inString) {
					if (escaped) escaped = false;
					else if (c === BACKSLASH) escaped = true;
					else if (c === QUOTE) {
						inString = false;
						if (depth === 0) emit(at + 1);
					}
				} else if (c === QUOTE) inString = true;
				else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
				else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
					depth--;
					if (depth === 0) emit(at + 1);
				}
				at++;
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
