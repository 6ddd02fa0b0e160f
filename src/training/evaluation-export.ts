import { headerRow, loadExcel, neutralize, sheetName } from '../common/spreadsheet-export';
import { EvaluationSummaryDto } from './evaluation.dto';

export const EVALUATION_HEADERS = ['Buổi học', 'Câu hỏi', 'Loại', 'Số trả lời', 'Điểm trung bình', '1', '2', '3', '4', '5'];
const WIDTHS = [30, 50, 12, 12, 16, 6, 6, 6, 6, 6];

/**
 * Two worksheets: "Tổng hợp" (one row per question: its session, count, mean and how many gave
 * each mark) and "Ý kiến" (one row per free-text answer). Text cells are never formulas.
 */
export async function evaluationsXlsx(summary: EvaluationSummaryDto): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Hội nghị';
  const sheet = workbook.addWorksheet(sheetName('Tổng hợp'));
  sheet.columns = EVALUATION_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] }));
  for (const q of summary.questions) {
    const session = neutralize(q.agendaItemTitle ?? 'Chung');
    const d = q.distribution;
    sheet.addRow([session, neutralize(q.text), q.kind === 'rating' ? 'Chấm điểm' : 'Ý kiến', q.count, q.mean ?? null, d?.['1'], d?.['2'], d?.['3'], d?.['4'], d?.['5']]);
  }
  headerRow(sheet, 1, EVALUATION_HEADERS.length);
  const texts = workbook.addWorksheet(sheetName('Ý kiến'));
  const textHeaders = ['Buổi học', 'Câu hỏi', 'Ý kiến'];
  texts.columns = textHeaders.map((header, i) => ({ header, width: [30, 50, 80][i] }));
  for (const q of summary.questions) {
    for (const answer of q.answers ?? []) texts.addRow([neutralize(q.agendaItemTitle ?? 'Chung'), neutralize(q.text), neutralize(answer)]);
  }
  headerRow(texts, 1, textHeaders.length);
  sheet.addRow([]);
  sheet.addRow([`Số phiếu đã nhận: ${summary.responses}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
