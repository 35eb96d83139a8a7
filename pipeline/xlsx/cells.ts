import { isoFromExcelSerial, type IsoDate } from '../../src/lib/dates.ts';

/**
 * A numeric cell whose number format is a date or time. `serial` counts days from 1899-12-30 (the
 * 1900 date system) even in 1904 workbooks, which the reader shifts, so callers never see the flag.
 */
export class XlsxDate {
	readonly serial: number;
	/** The words the cell's number format writes around the date, if any ("Tính đến ngày"). */
	readonly words: string;

	constructor(serial: number, words = '') {
		this.serial = serial;
		this.words = words;
	}

	/** The calendar day (time of day dropped), or null for time-only values and absurd serials. */
	toIsoDate(): IsoDate | null {
		return isoFromExcelSerial(this.serial);
	}

	/** As the sheet shows it, in words and ISO form: what title rows are searched in. */
	toString(): string {
		const day = this.toIsoDate() ?? String(this.serial);
		return this.words ? `${this.words} ${day}` : day;
	}
}

export type CellValue = string | number | boolean | XlsxDate | null;

export interface XlsxRow {
	/** 1-based sheet row number, from r="" or counted. */
	row: number;
	/** 0-based by column; gaps are null; trailing empty cells are not included. */
	cells: CellValue[];
}

/** Days between the 1904 and the 1900 date systems' epochs. */
export const DATE1904_OFFSET = 1462;
