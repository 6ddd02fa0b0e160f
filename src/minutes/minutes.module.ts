import { Module } from '@nestjs/common';

/** Minutes (biên bản), action items (nhiệm vụ), the conclusion notice and their documents. */
@Module({})
export class MinutesModule {}
