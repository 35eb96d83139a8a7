/**
 * Text from data (unit names above all) reaches a few places that take HTML strings — Leaflet's
 * tooltips set `innerHTML`, the report is HTML printed to PDF. Escaping it here makes a name like `<img onerror=…>` show as the
 * characters it is, never as markup.
 */
const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
