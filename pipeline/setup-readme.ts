/**
 * The README `setup` leaves in a new data directory: what is there, what the province fills in
 * (eligible counts, agencies and armed-force units, their aliases) and the commands to run next,
 * in Vietnamese with English below — the reader is the office that keeps the lists.
 */
import type { Unit } from '../src/lib/units.ts';
import type { Province } from './gso.ts';

export interface ReadmeFacts {
	/** The directory as the user typed it. */
	dir: string;
	province: Province;
	presetId: string;
	units: Unit[];
}

export function setupReadme({ dir, province, presetId, units }: ReadmeFacts): string {
	const districts = units.filter((u) => u.kind === 'district').length;
	const communes = units.filter((u) => u.kind === 'commune').length;
	const run = (args: string) => `npm run pipeline -- ${args} --data ${dir}`;
	return `# ${province.name} (${province.code}): thư mục dữ liệu / data directory

Tạo bởi \`npm run pipeline -- setup\` từ danh mục đơn vị hành chính GSO và ranh giới
gis.chinhphu.vn: ${districts} đơn vị cấp huyện, ${communes} đơn vị cấp xã.

| tệp | nội dung |
|---|---|
| \`config.json\` | tỉnh, tệp cơ sở dữ liệu, bộ chỉ tiêu mặc định, ranh giới |
| \`units.csv\` | danh mục đơn vị: tỉnh, huyện, xã (cột: code, name, kind, parent, eligible, confidential, aliases) |
| \`targets/${presetId}.json\` | bộ chỉ tiêu: 100% sở, ban, ngành; 100% lực lượng vũ trang; 40% công dân mỗi huyện |
| \`reference/\` | ranh giới các huyện (GeoJSON) cho bản đồ |

## Cần điền

1. **Số đối tượng** (\`eligible\` trong \`units.csv\`): với mỗi huyện và xã, số công dân thuộc các
   nhóm đối tượng; dòng tỉnh là tổng. Để trống thì tỉ lệ hiện “chưa có số liệu”.
2. **Sở, ban, ngành, đoàn thể** (\`kind\` = \`agency\`) và **lực lượng vũ trang**
   (\`kind\` = \`armed_force\`, \`confidential\` = \`true\`: chỉ hiện tỉ lệ): thêm mỗi đơn vị một
   dòng, cấp trên (\`parent\`) là mã tỉnh ${province.code}, \`eligible\` là biên chế. Ví dụ:

   \`\`\`
   SGDDT,Sở Giáo dục và Đào tạo,agency,${province.code},120,false,Sở GD&ĐT|Sở GDĐT
   CAT,Công an tỉnh,armed_force,${province.code},900,true,
   BCHQS,Bộ Chỉ huy Quân sự tỉnh,armed_force,${province.code},400,true,
   \`\`\`
3. **Tên khác** (\`aliases\`, cách nhau bởi \`|\`): cách tệp xuất ghi tên đơn vị khi khác tên
   chính thức (viết tắt, tên cũ).
4. **Chỉ tiêu** (\`targets/${presetId}.json\`): ghi văn bản của tỉnh (\`source\`), sửa tỉ lệ
   (\`threshold\`, dạng số thập phân: 40% là \`0.4\`) và thời hạn nếu khác.

## Lệnh tiếp theo

\`\`\`sh
${run(`units ${dir}/units.csv`)}
${run('activity <bảng theo dõi hoạt động.xlsx>')}
${run('ingest <thư mục tệp xuất>')}
${run('progress')}
npm run build && CDHT_DATA=${dir} node build
\`\`\`

Sửa \`config.json\` hay bộ chỉ tiêu khi bảng điều khiển đang chạy: trang tự cập nhật, không cần
khởi động lại. Sửa \`units.csv\` thì nạp lại bằng lệnh \`units\` như trên.

---

## English

Written by \`npm run pipeline -- setup\` from the GSO unit catalogue and the gis.chinhphu.vn
boundaries: ${districts} district-level and ${communes} commune-level units.

To fill in:

1. **Eligible counts** (\`eligible\` in \`units.csv\`): citizens of the target groups in each
   district and commune; the province row is their sum. Left empty, the share reads "no data".
2. **Departments and organisations** (\`kind\` = \`agency\`) and **armed-force units**
   (\`kind\` = \`armed_force\`, \`confidential\` = \`true\`: shares only): one row each, parent
   ${province.code}, \`eligible\` the headcount (see the example above).
3. **Aliases** (\`aliases\`, separated by \`|\`): how the exports spell a unit when not as listed.
4. **Targets** (\`targets/${presetId}.json\`): the province's own letter (\`source\`), the shares
   (\`threshold\` as a decimal: 40% is \`0.4\`) and the deadlines.

Then run the commands above (add \`--lang en\` for English). Changes to \`config.json\` or a preset
are picked up by the running dashboard without a restart; a changed \`units.csv\` is loaded with
the \`units\` command.
`;
}
