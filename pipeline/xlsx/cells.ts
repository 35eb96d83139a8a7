import { isoFromExcelSerial, type IsoDate } from '../../src/lib/dates.ts';

/**
 * A numeric cell whose number format is a date or time. `serial` counts days from 1899-12-30 (the
 * 1900 date system) even in 1904 workbooks, which the reader shifts, so callers never see the flag.
 */
export class XlsxDate {
	readonly serial: number;

	constructor(serial: number) {
		this.serial = serial;
	}

	/** The calendar day (time of day dropped), or null for time-only values and absurd serials. */
	toIsoDate(): IsoDate | null {
		return isoFromExcelSerial(this.serial);
	}

	toString(): string {
		return this.toIsoDate() ?? String(this.serial);
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
