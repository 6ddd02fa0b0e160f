import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { TransactionRunner } from './transaction-runner';
import { WRITE_DATA_SOURCE, openWriteDataSource } from './write-connection';

/** Opens the database (migrating it on start), the connection writes go through, and the write helper. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), autoLoadEntities: true }),
    }),
  ],
  providers: [{ provide: WRITE_DATA_SOURCE, inject: [DataSource], useFactory: openWriteDataSource }, TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
