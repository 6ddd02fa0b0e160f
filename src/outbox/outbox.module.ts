import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxDeliveryRepository } from './outbox-delivery.repository';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

/**
 * The outbox table: any module queues mail here in its own transaction without depending on
 * sending (OutboxService); mail, which sends, records each row's fate through OutboxDeliveryRepository.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [OutboxService, OutboxDeliveryRepository],
  exports: [OutboxService, OutboxDeliveryRepository],
})
export class OutboxModule {}
