import { contentDisposition } from '../common/spreadsheet-export';

describe('Content-Disposition of a material', () => {
  it('sends an ASCII fallback and the Vietnamese name in filename* (RFC 6266 / 5987)', () => {
    expect(contentDisposition('Báo cáo sơ kết công tác dân vận 6 tháng đầu năm.pdf')).toBe(
      "attachment; filename=\"bao-cao-so-ket-cong-tac-dan-van-6-thang-dau-nam.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20s%C6%A1%20k%E1%BA%BFt%20c%C3%B4ng%20t%C3%A1c%20d%C3%A2n%20v%E1%BA%ADn%206%20th%C3%A1ng%20%C4%91%E1%BA%A7u%20n%C4%83m.pdf",
    );
  });

  it('keeps quotes, backslashes, control characters and path separators out of both names', () => {
    const header = contentDisposition('Dự thảo "Nghị quyết"\r\n\\..\\..\\x/y;z.docx');
    expect(header).toMatch(/^attachment; filename="[a-z0-9.-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="du-thao-nghi-quyet-x-y-z.docx"');
  });

  it('folds đ and Đ in the fallback, and names a file without an extension without inventing one', () => {
    expect(contentDisposition('Đề cương tuyên truyền.pptx')).toContain('filename="de-cuong-tuyen-truyen.pptx"');
    expect(contentDisposition('Đề cương')).toBe("attachment; filename=\"de-cuong\"; filename*=UTF-8''%C4%90%E1%BB%81%20c%C6%B0%C6%A1ng");
    expect(contentDisposition('Ảnh.JPG')).toContain('filename="anh.jpg"');
  });
});
