import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../audit/actor';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { todayIn } from './action-item-deadline';
import { CreateActionItemDto } from './action-item.dto';
import { ActionItem } from './action-item.entity';
import { ActionItemsService } from './action-items.service';
import { ConclusionNotice } from './conclusion-notice.entity';
import { ConclusionNoticeService } from './conclusion-notice.service';
import { Minutes } from './minutes.entity';
import { MinutesService } from './minutes.service';

const DAY_MS = 24 * 3600 * 1000;

/** Tasks the demo conference gave for the second half of 2022. */
const DEMO_ACTION_ITEMS: (CreateActionItemDto & { provinceCode?: string })[] = [
  {
    description:
      'Xây dựng kế hoạch triển khai phương hướng, nhiệm vụ công tác dân vận 6 tháng cuối năm 2022 sát với tình hình địa phương; gửi về Ban Dân vận Trung ương',
    assignee: 'Ban Dân vận các tỉnh ủy, thành ủy',
    deadline: '2022-08-15',
    status: 'done',
  },
  {
    description:
      'Làm tốt công tác dân vận trong giải phóng mặt bằng các dự án trọng điểm; nắm chắc tình hình nhân dân, giải quyết kịp thời kiến nghị chính đáng, không để phát sinh điểm nóng',
    assignee: 'Thành ủy Hà Nội',
    provinceCode: '01',
    deadline: '2022-12-31',
    status: 'in_progress',
  },
  {
    description:
      'Tổng hợp, báo cáo kết quả phong trào thi đua “Dân vận khéo” năm 2022 và đề xuất khen thưởng các mô hình tiêu biểu',
    assignee: 'Thành ủy Thành phố Hồ Chí Minh',
    provinceCode: '79',
    deadline: '2022-11-30',
    status: 'open',
  },
  {
    description:
      'Chủ trì, phối hợp chuẩn bị nội dung Hội nghị toàn quốc tổng kết công tác dân vận năm 2022, triển khai nhiệm vụ năm 2023',
    assignee: 'Tỉnh ủy Nghệ An',
    provinceCode: '40',
    deadline: '2022-12-15',
    status: 'open',
  },
];

const DEMO_CONCLUSIONS = [
  'Hội nghị đánh giá cao kết quả công tác dân vận 6 tháng đầu năm 2022: các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể đã chủ động triển khai nhiệm vụ, góp phần quan trọng vào việc phục hồi, phát triển kinh tế - xã hội sau đại dịch COVID-19 và giữ vững ổn định chính trị ở cơ sở.',
  'Bên cạnh kết quả đạt được, công tác nắm tình hình nhân dân ở một số nơi còn chậm; việc thực hiện dân chủ ở cơ sở có lúc, có nơi còn hình thức; phong trào thi đua “Dân vận khéo” ở một số địa phương chưa thật sự lan tỏa.',
  'Trong 6 tháng cuối năm 2022, các cấp ủy, ban dân vận tập trung tham mưu sơ kết, tổng kết các chỉ thị, nghị quyết về công tác dân vận; làm tốt công tác dân vận trong thực hiện các dự án trọng điểm; đẩy mạnh phong trào thi đua “Dân vận khéo”; nâng cao chất lượng hoạt động của khối dân vận các cấp.',
  'Đề nghị các tỉnh ủy, thành ủy và các cơ quan, đơn vị được giao nhiệm vụ khẩn trương triển khai, báo cáo kết quả về Ban Dân vận Trung ương đúng thời hạn.',
];

/**
 * The demo conference's minutes, drafted from its data (and its awards), with conclusions,
 * four action items for the second half of 2022 and the secretary's name, then approved; and
 * the conclusion notice drafted from them. Runs inside the demo seeder's transaction; adds only
 * what is missing.
 */
@Injectable()
export class MinutesDemoSeeder {
  constructor(
    private readonly minutes: MinutesService,
    private readonly actionItems: ActionItemsService,
    private readonly notices: ConclusionNoticeService,
  ) {}

  async seed(manager: EntityManager, conferenceId: string, actorUserId: string | null): Promise<void> {
    const user = actorUserId ? await manager.findOneBy(User, { id: actorUserId }) : null;
    const actor: Actor = { label: user?.email ?? 'seed', userId: user?.id ?? null };
    if (!(await manager.existsBy(Minutes, { conferenceId }))) await this.seedMinutes(manager, conferenceId, actor, user);
    // Also given to a demo whose minutes were seeded before notices were.
    const minutes = await manager.findOneBy(Minutes, { conferenceId });
    if (minutes?.status === 'approved' && !(await manager.existsBy(ConclusionNotice, { conferenceId }))) {
      const conference = await manager.findOneByOrFail(Conference, { id: conferenceId });
      // Issued a few days after the conference, as such notices are.
      const issuedOn = todayIn(new Date(conference.endsAt.getTime() + 3 * DAY_MS), conference.timezone);
      await this.notices.draftIn(manager, conferenceId, { number: '53' }, actor, user?.id ?? null, issuedOn);
    }
  }

  private async seedMinutes(manager: EntityManager, conferenceId: string, actor: Actor, user: User | null): Promise<void> {

    if (!(await manager.existsBy(ActionItem, { conferenceId }))) {
      for (const { provinceCode, ...item } of DEMO_ACTION_ITEMS) {
        const point = provinceCode
          ? await manager.findOne(BridgePoint, { select: { id: true }, where: { conferenceId, administrativeUnitCode: provinceCode } })
          : null;
        await this.actionItems.createIn(
          manager,
          conferenceId,
          { ...item, ...(provinceCode && { assigneeAdministrativeUnitCode: provinceCode }), ...(point && { assigneeBridgePointId: point.id }) },
          actor,
        );
      }
    }

    const draft = await this.minutes.draftIn(
      manager,
      conferenceId,
      {
        superiorBody: 'Ban Chấp hành Trung ương',
        secretaryName: 'Nguyễn Thị Thu Hà',
        secretaryTitle: 'Phó Chánh Văn phòng Ban Dân vận Trung ương',
        number: '52',
      },
      actor,
    );
    const edited = await this.minutes.updateIn(
      manager,
      conferenceId,
      { version: draft.version, sections: { conclusions: DEMO_CONCLUSIONS }, refreshActionItems: true },
      actor,
    );
    await this.minutes.approveIn(manager, conferenceId, edited.version, actor, user?.fullName ?? actor.label);
  }
}
