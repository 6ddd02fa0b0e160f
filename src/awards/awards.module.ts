import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AwardForm } from './award-form.entity';
import { AwardFormsController } from './award-forms.controller';
import { AwardFormsService } from './award-forms.service';

@Module({
  imports: [TypeOrmModule.forFeature([AwardForm])],
  controllers: [AwardFormsController],
  providers: [AwardFormsService],
  exports: [AwardFormsService],
})
export class AwardsModule {}
