/**
 * Writes one registration export: every person registered by the as-of date, with their state at
 * that date, in a given shape, streamed row by row.
 */
import type { IsoDate } from '../../src/lib/dates.ts';
import type { Unit } from '../../src/lib/units.ts';
import type { DemoConfig } from './config.ts';
import { createCsvWriter } from './csv-writer.ts';
import { stateAt, type Person, type Population } from './people.ts';
import { random, type Random } from './random.ts';
import type { Field, Shape } from './shapes.ts';
import {
	createXlsxWriter,
	type WriteCell,
	type WriteRow,
	type XlsxWriterFactory
} from './xlsx-writer.ts';
import {
	badDateText,
	dateText,
	digitalWord,
	groupWord,
	spellUnit,
	statusWord,
	splitPrefix
} from './variants.ts';

/** Towns whose bare names collide: their prefix must stay, or the row is ambiguous. */
const AMBIGUOUS_BARE = new Set(['447', '449']);

interface Sink {
	title(text: string, width: number): Promise<void>;
	header(shape: Shape): Promise<void>;
	row(cells: WriteCell[]): Promise<void>;
	close(): Promise<void>;
}

/** Any source of people will do (the history benchmark passes each month's view of them). */
export type PeopleSource = Pick<Population, 'config' | 'people'>;

export async function writeExport(
	population: PeopleSource,
	units: Map<string, Unit>,
	shape: Shape,
	asOf: IsoDate,
	file: string,
	xlsxWriter: XlsxWriterFactory = createXlsxWriter
): Promise<{ rows: number }> {
	const sink =
		shape.format === 'xlsx' ? await xlsxSink(file, shape, xlsxWriter) : csvSink(file, shape);
	const width = shape.fields.length;
	for (const title of shape.titles(asOf)) await sink.title(title, width);
	await sink.header(shape);
	const seed = population.config.seed;
	let rows = 0;
	const duplicates: WriteCell[][] = [];
	for (const person of population.people()) {
		if (person.registeredOn > asOf) continue;
		const r = random(seed, 'row', asOf, person.index);
		const cells = rowCells(person, asOf, shape, units, r, ++rows, population.config.messiness);
		await sink.row(cells);
		if (person.defect === 'duplicate') duplicates.push(cells);
	}
	// The software lists a person twice when they registered twice; put the copies at the end.
	for (const cells of duplicates) {
		cells[shape.fields.indexOf('stt')] = String(++rows);
		await sink.row(cells);
	}
	if (shape.footer) {
		await sink.title('', width);
		await sink.title(`Tổng cộng: ${rows.toLocaleString('vi-VN')} công dân`, width);
		await sink.title('Người lập biểu', width);
		await sink.title('(Ký, ghi rõ họ tên)', width);
	}
	await sink.close();
	return { rows };
}

function rowCells(
	person: Person,
	asOf: IsoDate,
	shape: Shape,
	units: Map<string, Unit>,
	r: Random,
	stt: number,
	mess: DemoConfig['messiness']
): WriteCell[] {
	const state = stateAt(person, asOf);
	const text = (value: string) => (shape.nfd ? value.normalize('NFD') : value);
	const date = (day: IsoDate | null): WriteCell => {
		if (day === null) return '';
		if (
			shape.dates === 'excel' ||
			(shape.dates === 'mixed' && shape.format === 'xlsx' && r.chance(0.5))
		) {
			return { date: day };
		}
		return dateText(r, day, shape.dates);
	};
	const spell = (unit: Unit, keepPrefix: boolean) =>
		r.chance(mess.spellingVariant) ? spellUnit(r, unit.name, keepPrefix) : unit.name;
	const district = units.get(person.districtCode)!;
	const commune = units.get(person.communeCode)!;
	const value = (field: Field): WriteCell => {
		switch (field) {
			case 'stt':
				return String(stt);
			case 'fullName':
				return text(person.fullName);
			case 'birthDate':
				return date(person.birthDate);
			case 'birthYear':
				return person.birthDate.slice(0, 4);
			case 'gender':
				return text(person.female ? 'Nữ' : 'Nam');
			case 'idNumber':
				return idCell(person, shape, r);
			case 'phone':
				return person.phone;
			case 'group':
				return text(groupWord(r, person.group));
			case 'workplace':
				return text(workplace(person, units, commune, r, mess.spellingVariant));
			case 'commune':
				return r.chance(mess.blankCommune) ? '' : text(spell(commune, false));
			case 'district':
				if (person.defect === 'unknownDistrict') return text('Huyện Thạch Kim Sơn');
				if (person.defect === 'ambiguousDistrict') return text('Kỳ Anh');
				return text(spell(district, AMBIGUOUS_BARE.has(district.code)));
			case 'registeredOn':
				return person.defect === 'badDate' ? badDateText(r) : date(person.registeredOn);
			case 'status':
				return text(
					person.defect === 'unknownStatus'
						? r.pick(['Chưa rõ', 'Hủy đăng ký'])
						: statusWord(r, shape.statusWords, state)
				);
			case 'recognisedOn':
				return date(state.recognisedOn);
			case 'digitalSkills':
				return text(digitalWord(r, person.digitalSkills));
		}
	};
	return shape.fields.map(value);
}

function idCell(person: Person, shape: Shape, r: Random): WriteCell {
	if (person.defect === 'missingId') return '';
	if (person.defect === 'malformedId')
		return r.chance(0.5) ? person.idNumber.slice(0, 10) : 'O' + person.idNumber.slice(1);
	if (shape.format === 'xlsx')
		return shape.idAsNumber ? Number(person.idNumber) : { text: person.idNumber };
	return person.idNumber;
}

function workplace(
	person: Person,
	units: Map<string, Unit>,
	commune: Unit,
	r: Random,
	spellingVariant: number
): string {
	if (person.organisationCode) {
		const unit = units.get(person.organisationCode)!;
		if (r.chance(spellingVariant)) {
			const names = [unit.name, ...unit.aliases];
			return spellUnit(r, r.pick(names), true);
		}
		return unit.name;
	}
	const bare = splitPrefix(commune.name)[1];
	switch (person.workplaceText) {
		case 'UBND xã':
		case 'Trạm Y tế xã':
			return `${person.workplaceText} ${bare}`;
		case 'Trường THCS':
		case 'Trường Tiểu học':
		case 'Trường Mầm non':
			// A line break typed inside the cell: a quoted newline in CSV
			return `${person.workplaceText}\n${bare}`;
		default:
			return person.workplaceText;
	}
}

async function xlsxSink(
	file: string,
	shape: Shape,
	createXlsxWriter: XlsxWriterFactory
): Promise<Sink> {
	const writer = await createXlsxWriter(file, {
		sheetName: 'Danh sách',
		columnWidths: shape.fields.map((f) =>
			f === 'fullName' || f === 'workplace' ? 28 : f === 'stt' ? 6 : 16
		)
	});
	let row = 0;
	let batch: WriteRow[] = [];
	// Merges go with the batch that holds their rows: exceljs merges rows not yet committed.
	let merges: string[] = [];
	const flush = async () => {
		await writer.writeRows(batch, merges);
		batch = [];
		merges = [];
	};
	const column = (i: number) => String.fromCharCode(65 + i);
	return {
		async title(text, width) {
			row++;
			batch.push({ cells: [text], style: 'title' });
			if (text) merges.push(`A${row}:${column(width - 1)}${row}`);
		},
		async header(s) {
			if (Array.isArray(s.header)) {
				row++;
				batch.push({ cells: s.header, style: 'header' });
				return;
			}
			const { top, bottom } = s.header;
			batch.push({ cells: top, style: 'header' }, { cells: bottom, style: 'header' });
			row += 2;
			// A label alone in the top row spans both rows; a group label spans its blank neighbours.
			for (let i = 0; i < top.length; i++) {
				if (!top[i]) continue;
				let end = i;
				while (end + 1 < top.length && !top[end + 1] && bottom[end + 1]) end++;
				if (end > i) merges.push(`${column(i)}${row - 1}:${column(end)}${row - 1}`);
				else if (!bottom[i]) merges.push(`${column(i)}${row - 1}:${column(i)}${row}`);
			}
		},
		async row(cells) {
			row++;
			batch.push({ cells });
			if (batch.length >= 1000) await flush();
		},
		async close() {
			await flush();
			await writer.close();
		}
	};
}

function csvSink(file: string, shape: Shape): Sink {
	const writer = createCsvWriter(file, { encoding: shape.encoding, delimiter: shape.delimiter });
	const text = (cell: WriteCell): string => {
		if (cell === null) return '';
		if (typeof cell === 'object') return 'date' in cell ? cell.date : cell.text;
		return String(cell);
	};
	return {
		title: (title) => writer.writeRow([title]),
		async header(s) {
			if (Array.isArray(s.header)) return writer.writeRow(s.header);
			await writer.writeRow(s.header.top);
			await writer.writeRow(s.header.bottom);
		},
		row: (cells) => writer.writeRow(cells.map(text)),
		close: () => writer.close()
	};
}
