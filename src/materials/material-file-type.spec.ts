import JSZip from 'jszip';
import { readZipDirectory } from '../common/zip-directory';
import { materialFileName, signatureType, zipType } from './material-file-type';

async function zipOf(names: string[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of names) zip.file(name, `<x>${name}</x>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const entryNames = (buffer: Buffer) => readZipDirectory(buffer).map((e) => e.name);

describe('material file types, from the content', () => {
  it('recognizes PDF, PNG, JPEG and ZIP by their first bytes', () => {
    expect(signatureType(Buffer.from('%PDF-1.7\n%âãÏÓ'))).toBe('pdf');
    expect(signatureType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('png');
    expect(signatureType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]))).toBe('jpeg');
    expect(signatureType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toBe('zip');
  });

  it('recognizes nothing else: an executable, an old Word file, text, an empty file', () => {
    expect(signatureType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull();
    expect(signatureType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull();
    expect(signatureType(Buffer.from('Báo cáo tổng kết'))).toBeNull();
    expect(signatureType(Buffer.alloc(0))).toBeNull();
    // A PDF signature somewhere else than at the start does not count.
    expect(signatureType(Buffer.from(' %PDF-1.7'))).toBeNull();
  });

  it('tells Word, Excel and PowerPoint apart by the ZIP entries read with the shared ZIP reader, and a plain ZIP from them', async () => {
    expect(zipType(entryNames(await zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])))).toBe('docx');
    expect(zipType(entryNames(await zipOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'])))).toBe('xlsx');
    expect(zipType(entryNames(await zipOf(['[Content_Types].xml', 'ppt/presentation.xml', 'ppt/slides/slide1.xml'])))).toBe('pptx');
    expect(zipType(entryNames(await zipOf(['bao-cao.pdf', 'phu-luc.xlsx'])))).toBe('zip');
    // A folder named word/ without the package's content types is just a ZIP.
    expect(zipType(entryNames(await zipOf(['word/document.xml'])))).toBe('zip');
  });

  it('keeps a name that agrees with the type, adds the extension to one without, and refuses one naming another type', () => {
    expect(materialFileName('Báo cáo sơ kết 6 tháng.PDF', 'pdf')).toBe('Báo cáo sơ kết 6 tháng.PDF');
    expect(materialFileName('Ảnh hội trường.jpg', 'jpeg')).toBe('Ảnh hội trường.jpg');
    expect(materialFileName('Ảnh hội trường.jpeg', 'jpeg')).toBe('Ảnh hội trường.jpeg');
    expect(materialFileName('Dự thảo nghị quyết', 'docx')).toBe('Dự thảo nghị quyết.docx');
    expect(materialFileName('setup.exe', 'pdf')).toBe('setup.exe.pdf');
    expect(materialFileName('slides.pdf', 'png')).toBeNull();
    expect(materialFileName('bang-tong-hop.docx', 'xlsx')).toBeNull();
    // Decomposed input (as macOS sends it) is stored composed.
    expect(materialFileName('Ba\u0301o ca\u0301o.pdf', 'pdf')).toBe('Báo cáo.pdf');
  });
});
