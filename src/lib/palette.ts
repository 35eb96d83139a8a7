/**
 * Colours safe for colour-blind readers (Okabe & Ito), always paired with a symbol and a word:
 * a class is never told by colour alone, on screen, on a projector or on a grey printout.
 */
import type { MessageKey } from './i18n/index.ts';
import type { PaceClass } from './pace.ts';

export const CLASS_STYLE: Record<
	PaceClass,
	{ colour: string; symbol: string; label: MessageKey; text: string }
> = {
	reached: { colour: '#0072B2', symbol: '✓', label: 'classReached', text: '#ffffff' },
	on_pace: { colour: '#56B4E9', symbol: '↗', label: 'classOnPace', text: '#000000' },
	behind_pace: { colour: '#E69F00', symbol: '!', label: 'classBehindPace', text: '#000000' },
	far_behind: { colour: '#D55E00', symbol: '‼', label: 'classFarBehind', text: '#ffffff' },
	no_data: { colour: '#BBBBBB', symbol: '?', label: 'classNoData', text: '#000000' },
	withheld: { colour: '#FFFFFF', symbol: '–', label: 'classWithheld', text: '#000000' }
};

export const SERIES_COLOURS = {
	registered: '#999999',
	recognised: '#0072B2',
	digital: '#009E73',
	target: '#000000'
};
