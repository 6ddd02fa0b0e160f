import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DiskMaterialStorage } from './disk-material-storage';
import { MaterialStorage } from './material-storage';

/** Where uploaded files live: on disk under FILES_DIR; another MaterialStorage (an object store) can be provided instead. */
@Module({
  providers: [{ provide: MaterialStorage, inject: [AppConfig], useFactory: (config: AppConfig) => new DiskMaterialStorage(config.materials.filesDir) }],
  exports: [MaterialStorage],
})
export class StorageModule {}
