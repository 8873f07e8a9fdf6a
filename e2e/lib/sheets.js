// Builds the XLSX files the import journey uploads.
import ExcelJS from 'exceljs';

/** Iranian legal-entity ID with its check digit (docs/domain.md), from a 10-digit prefix. */
export function iranLegalId(prefix10) {
  const d = String(prefix10).padStart(10, '0').split('').map(Number);
  const k = d[9] + 2;
  const w = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];
  const r = d.reduce((s, x, i) => s + (x + k) * w[i], 0) % 11;
  return d.join('') + String(r === 10 ? 0 : r);
}

export async function unitsXlsx(path, rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('units');
  ws.addRow(['شناسه ملی', 'نام (فارسی)', 'استان', 'شهر', 'رده ISIC', 'اندازه']);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}
