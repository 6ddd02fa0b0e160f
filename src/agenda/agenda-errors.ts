import { notFound } from '../common/errors';

/** 404 for an agenda item that is not one of the conference's (one wording everywhere). */
export const agendaItemNotFound = (itemId: string, field = 'itemId') =>
  notFound(field, 'agenda_item_not_found', `Không tìm thấy mục chương trình ${itemId} trong hội nghị này.`);
