import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItemSpeaker } from '../agenda/agenda-item-speaker.entity';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Speaker } from '../agenda/speaker.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module';
import { AuthModule } from '../auth/auth.module';
import { AwardsModule } from '../awards/awards.module';
import { MinutesModule } from '../minutes/minutes.module';
import { TrainingModule } from '../training/training.module';
import { DemoSeeder } from './demo-seeder';
import { SeedingService } from './seeding.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Conference, BridgePoint, AgendaItem, AgendaItemSpeaker, Speaker]),
    AdministrativeUnitsModule,
    AwardsModule,
    MinutesModule,
    TrainingModule,
    AuthModule,
  ],
  providers: [SeedingService, DemoSeeder],
  exports: [SeedingService],
})
export class SeedingModule {}
