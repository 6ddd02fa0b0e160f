import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdministrativeUnit } from './administrative-unit.entity';
import { AdministrativeUnitsController } from './administrative-units.controller';
import { AdministrativeUnitsService } from './administrative-units.service';
import { AdministrativeUnitsSeeder } from './administrative-units.seeder';

@Module({
  imports: [TypeOrmModule.forFeature([AdministrativeUnit])],
  controllers: [AdministrativeUnitsController],
  providers: [AdministrativeUnitsService, AdministrativeUnitsSeeder],
  exports: [AdministrativeUnitsService, AdministrativeUnitsSeeder],
})
export class AdministrativeUnitsModule {}
