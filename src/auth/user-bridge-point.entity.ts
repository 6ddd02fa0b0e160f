import { Entity, PrimaryColumn } from 'typeorm';

/** An operator's assignment to one bridge point. */
@Entity('user_bridge_points')
export class UserBridgePoint {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  bridgePointId!: string;
}
