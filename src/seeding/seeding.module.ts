import { Module } from '@nestjs/common';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module';
import { AuthModule } from '../auth/auth.module';
import { AwardsModule } from '../awards/awards.module';
import { SeedingService } from './seeding.service';

@Module({
  imports: [AdministrativeUnitsModule, AwardsModule, AuthModule],
  providers: [SeedingService],
  exports: [SeedingService],
})
export class SeedingModule {}
