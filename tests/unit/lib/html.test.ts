import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/lib/html.ts';

describe('escapeHtml', () => {
	it('turns markup from data into plain characters', () => {
		expect(escapeHtml('<img src=x onerror="window.__xss=1">')).toBe(
			'&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;'
		);
	});

	it('escapes the ampersand first, so entities in a name stay literal', () => {
		expect(escapeHtml('A &lt; B & C')).toBe('A &amp;lt; B &amp; C');
	});

	it('escapes single quotes, which could close an attribute', () => {
		expect(escapeHtml("x' onmouseover='y")).toBe('x&#39; onmouseover=&#39;y');
	});

	it('leaves ordinary Vietnamese names alone', () => {
		expect(escapeHtml('Huyện Can Lộc 52,3% ✓')).toBe('Huyện Can Lộc 52,3% ✓');
	});
});
