import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AdministrativeUnitsSeeder } from '../administrative-units/administrative-units.seeder';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service';
import { UsersService } from '../auth/users.service';
import { AwardFormsService } from '../awards/award-forms.service';
import { AwardsDemoSeeder } from '../awards/awards-demo.seeder';
import { AppConfig } from '../config/app-config';
import { DEFAULT_ADMIN_PASSWORD } from '../config/environment';
import { TransactionRunner } from '../database/transaction-runner';
import { MinutesDemoSeeder } from '../minutes/minutes-demo.seeder';
import { TrainingDemoSeeder } from '../training/training-demo.seeder';
import { DEMO_TRAINING_FILE, DemoSeeder } from './demo-seeder';

export interface SeedReport {
  administrativeUnits: number;
  awardForms: number;
  adminCreated: boolean;
  demoCreated: boolean;
}

/**
 * Seeds reference data (administrative units, award forms), the first admin and, with
 * SEED_DEMO, the two demo events. On start it
 * runs only when the catalogue is empty (first start); `npm run seed` runs it on demand.
 * Every step is an upsert, so running it again changes nothing.
 */
@Injectable()
export class SeedingService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedingService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly units: AdministrativeUnitsService,
    private readonly unitsSeeder: AdministrativeUnitsSeeder,
    private readonly awardForms: AwardFormsService,
    private readonly users: UsersService,
    private readonly demo: DemoSeeder,
    private readonly demoAwards: AwardsDemoSeeder,
    private readonly demoMinutes: MinutesDemoSeeder,
    private readonly demoTraining: TrainingDemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The API seeds; a worker starting beside it on a fresh database would race it.
    if (!this.config.runs.http) return;
    if ((await this.units.count()) > 0) return;
    const report = await this.seed();
    this.logger.log(
      `first start: seeded ${report.administrativeUnits} administrative units and ${report.awardForms} award forms` +
        (report.demoCreated ? ', and the demo events' : ''),
    );
  }

  async seed(): Promise<SeedReport> {
    const catalogue = this.unitsSeeder.readCatalogue();
    const [administrativeUnits, awardForms] = await this.tx.transaction(async (manager) => [
      await this.unitsSeeder.seed(manager, catalogue),
      await this.awardForms.seed(manager),
    ]);
    const { email, password } = this.config.admin;
    const adminCreated = await this.users.ensureAdmin(email, password);
    if (adminCreated) {
      const shown = password === DEFAULT_ADMIN_PASSWORD ? password : '(the value of ADMIN_PASSWORD)';
      this.logger.log(`admin user created: ${email} / ${shown}`);
    }
    const demoCreated = this.config.seedDemo ? await this.seedDemo() : false;
    return { administrativeUnits, awardForms, adminCreated, demoCreated };
  }

  /**
   * The demo conference, then its award decisions and its approved minutes (drafted from the
   * conference and the awards, so in that order); and the demo training event, then its
   * attendance, evaluations and certificates. Answers whether a demo event was created; the
   * records of each are added to a demo event seeded before they existed.
   */
  async seedDemo(): Promise<boolean> {
    const admin = await this.users.findByEmail(this.config.admin.email);
    const adminId = admin?.id ?? null;
    const demo = this.demo.read();
    const created = await this.tx.transaction(async (m) => {
      const made = await this.demo.seed(m, adminId, demo);
      await this.demoAwards.seed(m, demo.conference.id);
      await this.demoMinutes.seed(m, demo.conference.id, adminId);
      return made;
    });
    const training = this.demo.read(DEMO_TRAINING_FILE);
    const trainingCreated = await this.tx.transaction(async (m) => {
      const made = await this.demo.seed(m, adminId, training);
      await this.demoTraining.seed(m, training.conference.id);
      return made;
    });
    return created || trainingCreated;
  }
}
