import { BadRequestException } from '@nestjs/common';
import { validateBody } from '../common/validate-body';
import { UpdateMinutesDto } from './minutes.dto';
import { toSectionsPatch } from './minutes-sections.dto';

const header = { superiorBody: null, issuingBody: 'Ban Dân vận Trung ương', abbreviation: 'BDVTW', number: '15', place: 'Hà Nội', date: '2022-07-15' };

async function fieldsOf(body: object): Promise<string[]> {
  try {
    await validateBody(UpdateMinutesDto, body);
  } catch (error) {
    const response = (error as BadRequestException).getResponse() as { details: { field: string }[] };
    return response.details.map((d) => d.field);
  }
  return [];
}

describe('minutes sections (validation of an edit)', () => {
  it('accepts any subset of well-formed sections', async () => {
    expect(await fieldsOf({ version: 1, sections: { header } })).toEqual([]);
    expect(await fieldsOf({ version: 1, sections: { conclusions: ['Một.', 'Hai.'], distribution: ['Lưu: VT'] } })).toEqual([]);
    expect(await fieldsOf({ version: 1, refreshActionItems: true })).toEqual([]);
  });

  it.each([
    [{ header: 'BAN DÂN VẬN' }, 'sections.header'],
    [{ header: null }, 'sections.header'],
    [{ header: { ...header, place: '' } }, 'sections.header.place'],
    [{ header: { ...header, date: '2022-02-30' } }, 'sections.header.date'],
    [{ header: { ...header, number: '015' } }, 'sections.header.number'],
    [{ header: { ...header, abbreviation: 'BDV TW' } }, 'sections.header.abbreviation'],
    [{ title: 42 }, 'sections.title'],
    [{ bridgePoints: { count: 1, items: {} } }, 'sections.bridgePoints.items'],
    [{ bridgePoints: { count: 1, items: [{ bridgePointId: 'x', name: 'A', expected: 1, actual: 1 }] } }, 'sections.bridgePoints.items.0.bridgePointId'],
    [{ composition: { chair: { title: '', name: '' }, secretary: 'Lan', delegatesByBridgePoint: [] } }, 'sections.composition.secretary'],
    [{ proceedings: [{ agendaItemId: null, time: '8:00', title: 'X', speakers: [], summary: '' }] }, 'sections.proceedings.0.time'],
    [{ proceedings: [{ agendaItemId: null, time: '08:00', title: 'X', speakers: [''], summary: '' }] }, 'sections.proceedings.0.speakers'],
    [{ awards: [{ decisionId: null, number: null, awardFormName: 'Giấy khen', issuingAuthority: null, recipients: [{ kind: 'team', name: 'A' }] }] }, 'sections.awards.0.recipients.0.kind'],
    [{ conclusions: [1] }, 'sections.conclusions'],
    [{ closing: { endedAt: 'yesterday', text: '' } }, 'sections.closing.endedAt'],
    [{ distribution: 'Lưu: VT' }, 'sections.distribution'],
    [{ appendix: [] }, 'sections.appendix'],
  ])('refuses %j naming %s', async (sections, field) => {
    expect(await fieldsOf({ version: 1, sections })).toContain(field);
  });

  it('says what is wrong in Vietnamese, with a code', async () => {
    const details = async (sections: object) => {
      try {
        await validateBody(UpdateMinutesDto, { version: 1, sections });
      } catch (error) {
        return ((error as BadRequestException).getResponse() as { details: { field: string; code: string; message: string }[] }).details;
      }
      return [];
    };
    expect(await details({ proceedings: [{ agendaItemId: null, time: '8:00', title: 'X', speakers: [''], summary: '' }] })).toEqual([
      { field: 'sections.proceedings.0.time', code: 'bad_format', message: 'Giờ phải viết dạng HH:MM, ví dụ 08:10.' },
      { field: 'sections.proceedings.0.speakers', code: 'empty', message: 'Mỗi dòng của trường "speakers" phải có nội dung.' },
    ]);
    expect(await details({ header: { ...header, number: '015', abbreviation: 'BDV TW' } })).toEqual([
      { field: 'sections.header.abbreviation', code: 'bad_format', message: 'Ký hiệu viết tắt của cơ quan ban hành chỉ gồm chữ in hoa và chữ số, ví dụ BDVTW.' },
      { field: 'sections.header.number', code: 'bad_format', message: 'Số văn bản chỉ gồm chữ số, không bắt đầu bằng 0, ví dụ 15.' },
    ]);
  });

  it('needs the version read', async () => {
    expect(await fieldsOf({ sections: { conclusions: ['Một.'] } })).toContain('version');
  });

  it('stores text in NFC and fills absent nullable fields with null', async () => {
    const dto = await validateBody(UpdateMinutesDto, {
      version: 1,
      sections: {
        header: { ...header, superiorBody: undefined, number: undefined, place: 'Hà Nội'.normalize('NFD') },
        conclusions: ['  Kết luận.  '.normalize('NFD')],
        opening: { startedAt: '2022-07-15T08:00:00+07:00' },
      },
    });
    expect(toSectionsPatch(dto.sections!)).toEqual({
      header: { ...header, superiorBody: null, number: null, place: 'Hà Nội' },
      conclusions: ['Kết luận.'],
      opening: { startedAt: '2022-07-15T01:00:00.000Z', venue: null },
    });
  });
});
