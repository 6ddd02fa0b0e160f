import { Module } from '@nestjs/common';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module';
import { AgendaModule } from '../agenda/agenda.module';
import { AttendeesModule } from '../attendees/attendees.module';
import { AuthModule } from '../auth/auth.module';
import { AwardsModule } from '../awards/awards.module';
import { BridgePointsModule } from '../bridge-points/bridge-points.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { MinutesModule } from '../minutes/minutes.module';
import { TrainingModule } from '../training/training.module';
import { DemoSeeder } from './demo-seeder';
import { SeedingService } from './seeding.service';

/** Seeding decides what the reference and demo data are; each module writes its own rows. */
@Module({
  imports: [AdministrativeUnitsModule, ConferencesModule, BridgePointsModule, AgendaModule, AttendeesModule, AwardsModule, MinutesModule, TrainingModule, AuthModule],
  providers: [SeedingService, DemoSeeder],
  exports: [SeedingService],
})
export class SeedingModule {}
