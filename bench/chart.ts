/**
 * The chart of a bench run (SVG, written by hand: the package has no dependencies): every figure
 * whose target is a ceiling on a ratio, as a bar of its ratio divided by its target, so every
 * target sits on one line at 1. Green bars met their target, red ones missed it.
 */
import { rttText, type BenchRow } from './measure';

const WIDTH = 960;
const LABEL_WIDTH = 470;
const BAR_HEIGHT = 18;
const ROW_HEIGHT = 26;
const TOP = 56;
const BOTTOM = 40;

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The figure's name without its parenthesised details, short enough for a label. */
export function shortLabel(figure: string): string {
	const withoutDetails = figure.replace(/\s*\([^()]*(\([^()]*\)[^()]*)*\)/g, '');
	return withoutDetails.length > 72 ? `${withoutDetails.slice(0, 71)}…` : withoutDetails;
}

export function chartSvg(rows: BenchRow[], title: string): string {
	const charted = rows.filter(
		(row): row is BenchRow & { ratioValue: number; targetValue: number } =>
			typeof row.ratioValue === 'number' && Number.isFinite(row.ratioValue) && typeof row.targetValue === 'number' && row.targetValue > 0,
	);
	// Up to 4x the target; longer bars end at the edge with a mark (their ratio is printed).
	const scaleMax = Math.min(4, Math.max(2, ...charted.map((row) => Math.ceil((row.ratioValue / row.targetValue) * 2) / 2)));
	const plotWidth = WIDTH - LABEL_WIDTH - 120;
	const x = (value: number) => Math.round(LABEL_WIDTH + (Math.min(value, scaleMax) / scaleMax) * plotWidth);
	const height = TOP + charted.length * ROW_HEIGHT + BOTTOM;
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
		`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
		`<text x="12" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
		`<text x="12" y="42" fill="#555">Each bar: the figure's ratio ÷ its target (the dashed line is the target; shorter is better). Green: met, red: missed.</text>`,
	];
	for (let tick = 0; tick <= scaleMax; tick += 0.5) {
		const at = x(tick);
		parts.push(`<line x1="${at}" y1="${TOP - 4}" x2="${at}" y2="${height - BOTTOM + 4}" stroke="#e4e4e4"/>`);
		parts.push(`<text x="${at}" y="${height - BOTTOM + 18}" text-anchor="middle" fill="#555">${tick.toFixed(1)}</text>`);
	}
	charted.forEach((row, index) => {
		const y = TOP + index * ROW_HEIGHT;
		const normalized = row.ratioValue / row.targetValue;
		const met = row.met === true;
		parts.push(
			`<text x="${LABEL_WIDTH - 8}" y="${y + 13}" text-anchor="end">${escapeXml(`${shortLabel(row.figure)} · ${rttText(row.rttMs)}`)}</text>`,
			`<rect x="${LABEL_WIDTH}" y="${y}" width="${Math.max(1, x(normalized) - LABEL_WIDTH)}" height="${BAR_HEIGHT}" fill="${met ? '#2e9e5b' : '#d64541'}"/>`,
			`<text x="${x(normalized) + 6}" y="${y + 13}" fill="#222">${escapeXml(`${row.ratio} (target ${row.target})${normalized > scaleMax ? ' ›' : ''}`)}</text>`,
		);
	});
	const targetX = x(1);
	parts.push(`<line x1="${targetX}" y1="${TOP - 8}" x2="${targetX}" y2="${height - BOTTOM + 4}" stroke="#222" stroke-dasharray="4 3"/>`);
	parts.push(`<text x="${targetX}" y="${TOP - 12}" text-anchor="middle" fill="#222">target</text>`);
	parts.push('</svg>');
	return `${parts.join('\n')}\n`;
}
