/* The table: printed, and written as JSON and Markdown (the README's Performance section quotes the .md). */

export interface Row {
	id: string;
	title: string;
	/** What was measured (medians). */
	measured: string;
	/** The ideal or the baseline it is compared with. */
	baseline: string;
	/** The figure the target is about. */
	result: string;
	value: number;
	target: string;
	/** null: no target. */
	met: boolean | null;
	/** The figure of each repetition. */
	samples: number[];
	reps: number;
	/** Why a target is missed (or anything else a reader must know about the row). */
	note?: string;
	extra?: Record<string, unknown>;
}

export interface Report {
	date: string;
	machine: { cores: number; cpu: string; memory: string; node: string; n8nCore: string; n8nWorkflow: string };
	durationMs: number;
	repetitions: Record<string, number>;
	rows: Row[];
	notes: string[];
}

const status = (row: Row) => (row.met === null ? '–' : row.met ? 'yes' : 'NO');

export function formatTable(report: Report): string {
	const head = ['#', 'Case', 'Measured (median)', 'Ideal / baseline', 'Result', 'Target', 'Met', 'Reps'];
	const body = report.rows.map((row) => [row.id, row.title, row.measured, row.baseline, row.result, row.target, status(row), String(row.reps)]);
	const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...body.map((line) => line[i].length))));
	const wrap = (text: string, width: number): string[] => {
		const lines: string[] = [];
		let line = '';
		for (const word of text.split(' ')) {
			if (line && (line + ' ' + word).length > width) {
				lines.push(line);
				line = word;
			} else line = line ? `${line} ${word}` : word;
		}
		lines.push(line);
		return lines;
	};
	const render = (cells: string[]) => {
		const wrapped = cells.map((cell, i) => wrap(cell, widths[i]));
		const height = Math.max(...wrapped.map((w) => w.length));
		const out: string[] = [];
		for (let l = 0; l < height; l++) out.push(wrapped.map((w, i) => (w[l] ?? '').padEnd(widths[i])).join(' │ '));
		return out.join('\n');
	};
	const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
	const lines = [header(report), '', render(head), rule];
	for (const cells of body) lines.push(render(cells), rule);
	for (const row of report.rows.filter((r) => r.note)) lines.push('', ...wrap(`${row.id}: ${row.note!}`, 120));
	for (const note of report.notes) lines.push('', ...wrap(note, 120));
	return lines.join('\n');
}

function header(report: Report): string {
	const m = report.machine;
	return (
		`Benchmark of ${report.date.slice(0, 10)} on ${m.cores} cores (${m.cpu}), ${m.memory}, Node ${m.node}, ` +
		`n8n-core ${m.n8nCore}; took ${Math.round(report.durationMs / 1000)} s`
	);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function formatMarkdown(report: Report): string {
	const lines = [
		`_${header(report)}. Each figure is the median of the repetitions in the last column, every ratio taken within the same run._`,
		'',
		'| # | Case | Measured (median) | Ideal / baseline | Result | Target | Met | Reps |',
		'|---|------|-------------------|------------------|--------|--------|-----|------|',
		...report.rows.map(
			(row) =>
				`| ${row.id} | ${cell(row.title)} | ${cell(row.measured)} | ${cell(row.baseline)} | **${cell(row.result)}** | ${cell(row.target)} | ${status(row)} | ${row.reps} |`,
		),
	];
	const notes = [...report.rows.filter((r) => r.note).map((r) => `**${r.id}.** ${r.note!}`), ...report.notes];
	if (notes.length > 0) lines.push('', ...notes.flatMap((note) => [note, '']));
	return lines.join('\n').trimEnd() + '\n';
}
